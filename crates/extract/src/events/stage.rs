//! The event stage: sentences with triggers and counts become events, grouped per incident.

use super::attribution::{find_attribution, is_claim_or_denial, sentence_certainty};
use super::casualties::{Casualty, Category, find_casualties, told_unharmed};
use super::lexicon::{GENERIC_ACTORS, Role, TRIGGERS, Trigger, VERBAL_ACTS, goldstein, role_of};
use crate::kb::{ActorInfo, KnowledgeBase, PlaceInfo};
use crate::pipeline::{DocContext, Stage};
use crate::text::dates::{
    FoundDate, dateline, dateline_without_year, find_dates, is_report_frame, told_in_a_sentence,
};
use crate::text::phrases::PhraseIndex;
use crate::text::tokens::{Token, tokenize};
use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;
use tessera_model::{
    Actor, ActorType, Annotations, Certainty, DateGranularity, DateType, EntityId, Event,
    EventDate, EventLocation, EvidenceRef, MentionType, Modality, PlaceLevel, stable_id,
};

/// Finds events in sentences and groups the sentences that tell of one incident.
pub struct EventStage {
    kb: Arc<dyn KnowledgeBase>,
    triggers: HashMap<String, Vec<(Vec<String>, Trigger)>>,
    generic: PhraseIndex<Role>,
    verbal: PhraseIndex<usize>,
}

/// A place a sentence names.
struct PlaceMention {
    /// Where its name starts and ends (code points).
    begin: usize,
    end: usize,
    info: PlaceInfo,
    id: String,
    /// Named in the dateline, where the story was filed.
    dateline: bool,
    /// Named as where someone came from ("militants coming from Kunar province") or as a
    /// protest's grievance ("against the Shikarpur blast"), not where the event happened: it
    /// ranks after the others.
    side: bool,
    /// Followed by "in", or a place noun and "in" ("near Mashkaf in Bolan", "near Mashkaf
    /// tunnel in Bolan"): the place after may say where it lies. The characters up to the
    /// end of "in ".
    in_after: Option<usize>,
}

/// How far "in" ends after a place's name, when it follows it alone or after one place noun:
/// " in Bolan" (4), " tunnel in Bolan" (11).
fn in_after(rest: &str) -> Option<usize> {
    if rest.starts_with(" in ") {
        return Some(4);
    }
    let rest = rest.strip_prefix(' ')?;
    let (noun, after) = rest.split_once(' ')?;
    (matches!(
        noun,
        "area"
            | "village"
            | "tunnel"
            | "bazaar"
            | "market"
            | "valley"
            | "tehsil"
            | "station"
            | "bridge"
            | "pass"
            | "crossing"
            | "district"
    ) && after.starts_with("in "))
    .then(|| noun.len() + 5)
}

/// One sentence, read.
struct SentenceFacts {
    begin: usize,
    end: usize,
    triggers: Vec<Trigger>,
    casualties: Vec<Casualty>,
    places: Vec<PlaceMention>,
    /// Places named only as a road's ends ("the Mardan-Malakand Road"): the last resort.
    road_places: Vec<(usize, PlaceInfo, String)>,
    actors: Vec<(usize, ActorInfo, String, String)>,
    generic: Vec<Role>,
    persons: Vec<String>,
    dates: Vec<FoundDate>,
    attribution: Option<(String, String)>,
    /// Where triggers and counts stand (code points, in order).
    anchors: Vec<usize>,
    certainty: Certainty,
    /// The sentence denies that the event happened ("denied that its forces had carried out
    /// strikes"), not just someone's part in it.
    event_denied: bool,
    /// The sentence tells an account and that someone denied it ("BYC said three protesters
    /// were killed, a claim the provincial government rejected"): the account is contested.
    account_rejected: bool,
    /// The sentence has someone claim or deny their part ("The TTP claimed responsibility",
    /// "denied any involvement", named or not): their word neither hedges an event nor
    /// sources it.
    speaks_of_its_part: bool,
    words: Vec<String>,
    separate: bool,
    verbal: Option<&'static str>,
    /// Every act of violence the sentence names comes after a threat or a pledge ("vowed to
    /// carry out more bomb blasts", "threatened to train more suicide bombers").
    violence_threatened: bool,
    /// The sentence threatens or pledges something ("threatened to", "vowed more attacks",
    /// "warned of").
    threat_cue: bool,
    claimed_by: Vec<String>,
    denied_by: Vec<String>,
    /// Armed groups others blame ("the official blamed the TTP").
    blamed: Vec<String>,
    by_agent: Vec<String>,
    near: bool,
    /// The sentence sums up several operations ("detained more than 10 suspected insurgents
    /// during four operations"): its figures are totals of incidents told or untold.
    sums_operations: bool,
    /// The sentence sums up separate incidents ("at least 11 civilians were killed in two
    /// separate incidents"): its figures are the total of those the report goes on to tell.
    sums_incidents: bool,
    /// The sentence tallies a long period ("1,200 civilians were killed in the first half of
    /// the year", "so far this year"): a statistic, no incident.
    period_tally: bool,
    /// The police are named, other than as a source told after the report.
    police_said: bool,
    /// The day an abduction told in passing took place: "the body of a tribal elder,
    /// abducted by unknown men a week ago, was found …".
    abducted_on: Option<FoundDate>,
    /// A heading, not prose: every longer word capitalised ("ISAF Confirms Taliban Leader
    /// Killed in Kandahar", "For Immediate Release", "KABUL, Afghanistan (Oct. 8)").
    heading: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Violent,
    Protest,
    Arrest,
    Strategic,
    Verbal,
}

fn class_of(triggers: &[Trigger], casualties: &[Casualty]) -> Option<Class> {
    use Trigger::*;
    let has = |t: Trigger| triggers.contains(&t);
    let killed = casualties
        .iter()
        .any(|c| matches!(c.category, Category::Killed | Category::Injured));
    if [
        SuicideBomb,
        AirStrike,
        Explosive,
        Shelling,
        Grenade,
        Abduction,
        Clash,
        Territory,
    ]
    .iter()
    .any(|t| has(*t))
    {
        return Some(Class::Violent);
    }
    if has(Riot) || has(Protest) {
        return Some(Class::Protest);
    }
    if has(Attack) || killed {
        return Some(Class::Violent);
    }
    if has(Arrest) {
        return Some(Class::Arrest);
    }
    if has(Agreement) || has(Disrupted) || has(Looting) || has(Surrender) {
        return Some(Class::Strategic);
    }
    None
}

/// "without a fight", "without any resistance", "without resistance", "without firing a
/// shot", "without bloodshed".
fn taken_without_a_fight(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        w == "without"
            && match words.get(i + 1).map(String::as_str) {
                Some("resistance" | "firing" | "bloodshed") => true,
                Some("a" | "any") => words.get(i + 2).is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "fight" | "shot" | "battle" | "resistance" | "struggle"
                    )
                }),
                _ => false,
            }
    })
}

/// Protesters who damage or attack: "set tyres on fire", "attacked police vehicles",
/// "ransacked the office".
fn crowd_damage(words: &[String]) -> bool {
    // The crowd does it: named just before the verb ("they set tyres on fire"), not those
    // who attacked the crowd ("the camp was attacked by … and set the camp on fire").
    let by_the_crowd = |k: usize| {
        words[k.saturating_sub(5)..k]
            .iter()
            .rev()
            .take_while(|x| *x != "by")
            .any(|x| {
                matches!(
                    x.as_str(),
                    "protesters"
                        | "protestors"
                        | "demonstrators"
                        | "they"
                        | "mob"
                        | "crowd"
                        | "workers"
                        | "students"
                        | "participants"
                        | "supporters"
                )
            })
    };
    words.iter().enumerate().any(|(k, w)| {
        let damage = match w.as_str() {
            "vandalised" | "vandalized" | "ransacked" | "smashed" => true,
            "set" => {
                let near = &words[k + 1..(k + 5).min(words.len())];
                near.iter().any(|x| x == "ablaze")
                    || near.windows(2).any(|x| x[0] == "on" && x[1] == "fire")
            }
            "attacked" => words[k + 1..(k + 3).min(words.len())]
                .iter()
                .any(|x| matches!(x.as_str(), "police" | "policemen" | "vehicles" | "offices")),
            _ => false,
        };
        damage && by_the_crowd(k)
    })
}

/// "The following day", "the next day", "a day later", "the day after": the day after the
/// one told before.
fn tells_the_day_after(words: &[String]) -> bool {
    words.windows(3).any(|w| {
        matches!(
            (w[0].as_str(), w[1].as_str(), w[2].as_str()),
            ("the", "following" | "next", "day" | "morning")
                | ("a", "day", "later")
                | ("the", "day", "after")
        )
    })
}

/// Words that say the authorities broke up or beat a demonstration.
fn is_intervention(w: &str) -> bool {
    matches!(
        w,
        "dispersed"
            | "disperse"
            | "baton"
            | "baton-charged"
            | "batoncharged"
            | "batton-charged"
            | "baton-charge"
            | "lathi"
            | "lathi-charged"
            | "tear"
            | "teargas"
            | "arrested"
            | "detained"
            | "scuffles"
            | "scuffled"
            // "beat women protesters".
            | "beat"
            | "beaten"
            | "whipped"
    )
}

/// Whether a sentence announces a protest to come rather than tells one held: "announced a
/// shutter-down strike in Mastung on Monday", "will hold a rally", "called for a sit-in" (not
/// "staged a protest", "protesters who had announced a march gathered …").
fn announces_a_protest(words: &[String]) -> bool {
    let protest_noun = |w: &str| {
        matches!(
            w,
            "protest"
                | "protests"
                | "strike"
                | "rally"
                | "sit-in"
                | "demonstration"
                | "demonstrations"
                | "march"
                | "dharna"
                | "boycott"
                | "procession"
        )
    };
    let cue = |w: &str| {
        matches!(
            w,
            "announced"
                | "announces"
                | "announce"
                | "will"
                | "plan"
                | "plans"
                | "planning"
                | "called"
                | "calls"
                | "decided"
                | "vowed"
        )
    };
    let held = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "staged"
                | "held"
                | "protested"
                | "marched"
                | "rallied"
                | "gathered"
                | "observed"
                | "blocked"
                | "chanted"
                | "demonstrated"
                | "dispersed"
                | "protesting"
        )
    });
    !held
        && words
            .iter()
            .enumerate()
            .any(|(k, w)| protest_noun(w) && words[k.saturating_sub(6)..k].iter().any(|c| cue(c)))
}

/// The two sides of a tribal clash, by name where the text gives them: "between the Turi and
/// Bangash tribes" (Turi, Bangash), "clashes between two tribes" (unnamed), "a tribal clash".
fn tribal_sides(words: &[String]) -> Option<(Option<String>, Option<String>)> {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let tribes = (0..words.len()).find(|&k| {
        matches!(w(k), "tribes" | "clans")
            && matches!(w(k.wrapping_sub(1)), "two" | "rival" | "warring" | "the")
            || w(k) == "tribal"
                && matches!(w(k + 1), "clash" | "clashes" | "feud" | "fighting" | "war")
            || matches!(w(k), "tribes" | "clans") && w(k.wrapping_sub(2)) == "and"
    })?;
    // "between the Turi and Bangash tribes": the two words around "and" just before.
    let named = |k: usize| {
        let x = w(k);
        (!x.is_empty()
            && !matches!(x, "two" | "rival" | "the" | "warring" | "and" | "between")
            && x.chars().all(|c| c.is_alphabetic() || c == '-'))
        .then(|| {
            let mut c = x.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
    };
    if tribes >= 3 && w(tribes - 2) == "and" {
        return Some((named(tribes - 3), named(tribes - 1)));
    }
    Some((None, None))
}

/// Whether the event country's own forces are told as the ones who fired: "killed by
/// Pakistani fire", "by Pakistani troops" in Pakistan, or the subject that struck ("Afghan
/// forces had killed 19 Pakistani soldiers" in Paktia).
fn fire_by_own_forces(words: &[String], country: Option<&str>) -> bool {
    if country.is_none() {
        return false;
    }
    let own = |w: &str| nationality(w) == country;
    let forces = |w: &str| matches!(w, "forces" | "troops" | "soldiers");
    let by_what = |w: &str| forces(w) || matches!(w, "fire" | "firing" | "shelling" | "shells");
    // ("Pakistani forces responded to unprovoked firing": they fired back.)
    let strikes = |w: &str| {
        matches!(
            w,
            "killed"
                | "attacked"
                | "targeted"
                | "shelled"
                | "destroyed"
                | "captured"
                | "shot"
                | "responded"
                | "retaliated"
        )
    };
    words.windows(3).enumerate().any(|(k, w)| {
        w[0] == "by"
            && own(&w[1])
            && by_what(&w[2])
            // "Afghan forces had killed 19 Pakistani soldiers" in Paktia.
            || own(&w[0])
                && forces(&w[1])
                && (strikes(&w[2])
                    || matches!(w[2].as_str(), "had" | "have")
                        && words.get(k + 3).is_some_and(|x| strikes(x)))
    })
}

/// Whether words tell the authorities breaking up or beating a demonstration (see
/// [`is_intervention`]); protesters who "dispersed peacefully" or "dispersed after" broke
/// up themselves.
fn tells_intervention(words: &[String]) -> bool {
    // The forces "fired into the air" to scatter a crowd (not protesters who did).
    words.windows(4).enumerate().any(|(k, w)| {
        w[0].starts_with("fire")
            && w[1..] == ["into", "the", "air"]
            && words[k.saturating_sub(3)..k]
                .iter()
                .any(|x| is_forces_word(x) || x == "taliban")
    }) || words.iter().enumerate().any(|(k, w)| {
        is_intervention(w)
            && !(w == "dispersed"
                && (words.get(k + 1).is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "peacefully" | "quietly" | "voluntarily" | "later" | "after" | "afterwards"
                    )
                }) || k > 0
                    && matches!(
                        words[k - 1].as_str(),
                        "they"
                            | "protesters"
                            | "protestors"
                            | "demonstrators"
                            | "participants"
                            | "peacefully"
                            | "later"
                            | "then"
                    )))
    })
}

/// (event type, sub-event type, disorder type, CAMEO root)
fn classify(
    triggers: &[Trigger],
    victims: Option<Role>,
    actor_roles: &[Role],
    words: &[String],
    class: Class,
) -> (&'static str, &'static str, &'static str, &'static str) {
    use Trigger::*;
    let has = |t: Trigger| triggers.contains(&t);
    const PV: &str = "Political violence";
    match class {
        Class::Protest => {
            // "Gunmen opened fire on a protest rally", "The protest camp was attacked by
            // unknown men": armed men who fall on a crowd attack civilians.
            if crowd_attacked_by_others(words) {
                return ("Violence against civilians", "Attack", PV, "18");
            }
            let intervention = tells_intervention(words);
            // Who fired: "police opened fire on the protesters" (the state), "participants of
            // a rally opened fire on Shia camps" (the crowd).
            let fired_at = words.windows(3).position(|w| {
                matches!(
                    (w[0].as_str(), w[1].as_str()),
                    ("opened" | "open", "fire") | ("fired", "at" | "on" | "shots" | "upon")
                ) || matches!(w[0].as_str(), "opened" | "open") && w[2] == "fire"
            });
            // The nearest side named before the firing fired ("police fired tear gas shells
            // and opened fire on protesters"; "police said protesters opened fire").
            let state_fired = fired_at.is_some_and(|k| {
                words[k.saturating_sub(8)..k]
                    .iter()
                    .rev()
                    .find_map(|w| match w.as_str() {
                        "police" | "policemen" | "forces" | "rangers" | "fc" | "troops"
                        | "army" | "soldiers" | "personnel" | "levies" => Some(true),
                        "protesters" | "protestors" | "demonstrators" | "participants"
                        | "workers" | "supporters" | "activists" | "students" | "mob" | "crowd"
                        | "rioters" => Some(false),
                        _ => None,
                    })
                    .unwrap_or(false)
            });
            let hurt = words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "killed"
                        | "killing"
                        | "dead"
                        | "died"
                        | "shot"
                        | "injured"
                        | "injuring"
                        | "wounded"
                        | "wounding"
                )
            });
            let killed = |w: &String| matches!(w.as_str(), "killed" | "dead" | "died" | "shot");
            // (Police killed by the crowd they broke up: a riot, below.)
            let police_hurt = victims == Some(Role::State) && !state_fired;
            let killed_by_police =
                victims.is_some() && !police_hurt && intervention && words.iter().any(killed)
                    || state_fired && words.iter().any(|w| killed(w) || w == "killing");
            let crowd_fired = hurt && fired_at.is_some() && !state_fired;
            if has(Riot)
                || police_hurt && hurt
                || crowd_fired
                || crowd_damage(words)
                || tells_a_fight(words)
            {
                // A crowd with no protest of its own: a mob, or groups fighting each other
                // ("two groups of traders clashed over a parking dispute").
                let mob = words.iter().any(|w| w == "mob" || w == "lynched")
                    || !triggers.contains(&Protest)
                        && words
                            .iter()
                            .any(|w| matches!(w.as_str(), "groups" | "rival" | "dispute" | "feud"));
                (
                    "Riots",
                    if mob {
                        "Mob violence"
                    } else {
                        "Violent demonstration"
                    },
                    "Demonstrations",
                    "14",
                )
            } else if killed_by_police {
                (
                    "Protests",
                    "Excessive force against protesters",
                    "Demonstrations",
                    "17",
                )
            } else if intervention {
                (
                    "Protests",
                    "Protest with intervention",
                    "Demonstrations",
                    "14",
                )
            } else {
                ("Protests", "Peaceful protest", "Demonstrations", "14")
            }
        }
        Class::Arrest => (
            "Strategic developments",
            "Arrests",
            "Strategic developments",
            "17",
        ),
        Class::Strategic => {
            if has(Surrender) {
                (
                    "Strategic developments",
                    "Change to group/activity",
                    "Strategic developments",
                    "08",
                )
            } else if has(Agreement) {
                (
                    "Strategic developments",
                    "Agreement",
                    "Strategic developments",
                    "05",
                )
            } else if has(Disrupted) {
                (
                    "Strategic developments",
                    "Disrupted weapons use",
                    "Strategic developments",
                    "17",
                )
            } else {
                (
                    "Strategic developments",
                    "Looting/property destruction",
                    "Strategic developments",
                    "17",
                )
            }
        }
        Class::Verbal => (
            "Strategic developments",
            "Other",
            "Strategic developments",
            "01",
        ),
        Class::Violent => {
            // A place taken by force: by the state (or its allies) it is regained, by anyone
            // else overtaken. The fight for it is part of the taking.
            if has(Territory) && !has(SuicideBomb) && !has(AirStrike) {
                // "took control of the crossing after government forces withdrew without a
                // fight": a place handed over, not fought for.
                if taken_without_a_fight(words) && !has(Clash) {
                    return (
                        "Strategic developments",
                        "Non-violent transfer of territory",
                        "Strategic developments",
                        "08",
                    );
                }
                // Who took it: the forces named in the few words before the verb.
                let taken_at = words.iter().position(|w| {
                    matches!(
                        w.as_str(),
                        "captured" | "seized" | "took" | "taken" | "gained" | "overran" | "overrun"
                    )
                });
                let by_the_state = taken_at.is_some_and(|k| {
                    words[k.saturating_sub(6)..k].iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "forces"
                                | "troops"
                                | "army"
                                | "police"
                                | "soldiers"
                                | "military"
                                | "rangers"
                                | "fc"
                                | "ansf"
                                | "andsf"
                                | "government"
                                | "commandos"
                        )
                    })
                });
                let regained = by_the_state
                    || words.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "recaptured" | "retook" | "regained" | "recapture" | "retake"
                        )
                    });
                return (
                    "Battles",
                    if regained {
                        "Government regains territory"
                    } else {
                        "Non-state actor overtakes territory"
                    },
                    PV,
                    "19",
                );
            }
            // An assault on a post or camp told with rockets or "explosions" and a gunfight
            // is a battle: the blasts are part of the assault, not a device or a barrage
            // from afar ("attacked the camp with rockets and automatic weapons", "heavy
            // gunfire and several explosions … pushed back after an exchange of fire").
            let named_device = words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "bomb"
                        | "bombs"
                        | "ied"
                        | "ieds"
                        | "device"
                        | "explosive"
                        | "explosives"
                        | "mine"
                        | "landmine"
                        | "planted"
                        | "detonated"
                        | "remote-controlled"
                        | "artillery"
                        | "cross-border"
                        | "border"
                )
            });
            let gunfight = has(Clash)
                // "a rocket and gunfire attack", "fired rockets on check posts, the military
                // retaliated".
                || words
                    .iter()
                    .any(|w| matches!(w.as_str(), "gunfire" | "retaliated" | "retaliating"))
                || words.windows(2).any(|w| {
                    matches!(
                        (w[0].as_str(), w[1].as_str()),
                        ("automatic", "weapons")
                            | ("heavy", "firing")
                            | ("heavy", "gunfire")
                            // "attacked the police lines with rockets and small arms".
                            | ("small", "arms")
                    )
                });
            // Rocket-propelled grenades are fired in an assault, not thrown.
            let rpg = has(Grenade)
                && words
                    .iter()
                    .any(|w| matches!(w.as_str(), "rocket-propelled" | "rpg" | "rpgs"));
            // Grenades lobbed in a gunfight ("started firing automatic weapons and lobbing
            // grenades on the troops … an encounter") are the battle's, whatever else is named.
            let grenades_in_a_fight = has(Grenade) && has(Clash);
            if (has(Explosive) || has(Shelling) || rpg || grenades_in_a_fight)
                && !has(SuicideBomb)
                && !has(AirStrike)
                && (!named_device || grenades_in_a_fight)
                && gunfight
                && victims != Some(Role::Civilian)
            {
                return ("Battles", "Armed clash", PV, "19");
            }
            // A patrol in contact that calls in air support fights a battle; the helicopters or
            // aircraft are part of it ("attacked the patrol with small arms fire … requested
            // close air support"). A strike told as such ("a precision airstrike", "a drone
            // strike") stays an air strike.
            let strike_named = words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "airstrike" | "airstrikes" | "drone" | "drones" | "bombed" | "bombardment"
                )
            }) || words.windows(2).any(|w| {
                matches!(
                    (w[0].as_str(), w[1].as_str()),
                    ("air", "strike" | "strikes")
                        | ("precision", "strike" | "strikes")
                        // Bombs dropped: "precision guided munitions".
                        | ("guided", "munitions" | "bombs" | "missiles")
                        | ("precision-guided", _)
                        | ("aerial", _)
                        | ("arial", "strike" | "strikes")
                )
            });
            let ground_contact = words.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "small-arms" | "returned" | "ambush" | "ambushed" | "firefight" | "gunfight"
                )
            }) || words.windows(2).any(|w| {
                matches!(
                    (w[0].as_str(), w[1].as_str()),
                    ("small", "arms")
                        | ("engaged", "by")
                        | ("attacked", "the")
                        | ("exchange", "of")
                        | ("received", "small-arms")
                        // "four armed insurgents moved to attack" the force on the ground.
                        | ("moved", "to")
                )
            });
            if has(AirStrike) && !strike_named && ground_contact && !has(SuicideBomb) {
                return ("Battles", "Armed clash", PV, "19");
            }
            // A bomber who blows himself up in a gunfight with the forces ("a suicide bomber
            // blew himself up as police and militants engaged in a fire fight", "two suicide
            // bombers blew themselves up when forces surrounded them during an exchange of
            // fire") fights a battle.
            // (A complex attack that begins with a suicide bomb stays a suicide bombing: the
            // forces must be closing in.)
            let forces_fought = || {
                actor_roles
                    .iter()
                    .any(|r| matches!(r, Role::State | Role::Foreign))
                    && words.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "surrounded"
                                | "cornered"
                                | "encircled"
                                | "raid"
                                | "operation"
                                | "challenged"
                                | "engaged"
                                | "captured"
                                | "capture"
                        )
                    })
            };
            if has(SuicideBomb) && has(Clash) && forces_fought() {
                return ("Battles", "Armed clash", PV, "19");
            }
            if has(SuicideBomb) {
                ("Explosions/Remote violence", "Suicide bomb", PV, "18")
            } else if has(AirStrike) {
                ("Explosions/Remote violence", "Air/drone strike", PV, "19")
            } else if has(Shelling)
                && has(Explosive)
                && !named_device
                // "a mortar shell fired by unknown militants exploded in their house": the
                // blast is the shell's.
                && words
                    .iter()
                    .any(|w| matches!(w.as_str(), "fired" | "landed" | "lobbed"))
                && !words.iter().any(|w| {
                    matches!(w.as_str(), "unexploded" | "ordnance" | "uxo" | "remnant" | "remnants")
                })
            {
                (
                    "Explosions/Remote violence",
                    "Shelling/artillery/missile attack",
                    PV,
                    "19",
                )
            } else if has(Explosive)
                // "an unexploded mortar round they were playing with went off": a remnant
                // of war goes off as a mine does, fired by no one.
                || has(Shelling)
                    && words.iter().any(|w| {
                        matches!(w.as_str(), "unexploded" | "ordnance" | "uxo" | "remnant" | "remnants")
                    })
            {
                (
                    "Explosions/Remote violence",
                    "Remote explosive/landmine/IED",
                    PV,
                    "18",
                )
            } else if has(Shelling) {
                (
                    "Explosions/Remote violence",
                    "Shelling/artillery/missile attack",
                    PV,
                    "19",
                )
            } else if has(Grenade)
                // "attacked a police checkpost with hand grenades and automatic weapons": a
                // gunfight with grenades in it, not a grenade attack.
                && !words.iter().enumerate().any(|(i, w)| {
                    matches!(w.as_str(), "gunfire" | "firing" | "rifles" | "automatic")
                        || w == "opened" && words.get(i + 1).is_some_and(|n| n == "fire")
                        || w == "small" && words.get(i + 1).is_some_and(|n| n == "arms")
                })
            {
                ("Explosions/Remote violence", "Grenade", PV, "18")
            } else if !has(Clash)
                && !has(Operation)
                && words.iter().enumerate().any(|(i, w)| {
                    matches!(w.as_str(), "raped" | "gang-raped")
                        || w == "sexually" && words.get(i + 1).is_some_and(|n| n == "assaulted")
                })
            {
                // "was allegedly raped by two men", "abducted and gang-raped": ACLED's sexual
                // violence, whatever else was done to the victim.
                ("Violence against civilians", "Sexual violence", PV, "18")
            } else if has(Abduction) {
                (
                    "Violence against civilians",
                    "Abduction/forced disappearance",
                    PV,
                    "18",
                )
            } else {
                // Armed actors on both sides (a clash, an operation, an attack on forces) make a
                // battle; an attack whose victims are civilians is violence against civilians.
                let armed_on_both = has(Clash)
                    || has(Operation)
                    || matches!(victims, Some(Role::State | Role::Armed | Role::Foreign))
                    || actor_roles
                        .iter()
                        .filter(|r| matches!(r, Role::State | Role::Foreign))
                        .count()
                        > 0
                        && actor_roles.contains(&Role::Armed)
                        && victims != Some(Role::Civilian)
                    // "Troops repulsed a cross-border attack on a border post": forces that
                    // beat off an attack fought it, though nobody is named attacking.
                    || victims.is_none()
                        && actor_roles
                            .iter()
                            .any(|r| matches!(r, Role::State | Role::Foreign))
                        && words
                            .iter()
                            .any(|w| matches!(w.as_str(), "repulsed" | "repelled" | "foiled"));
                if armed_on_both {
                    ("Battles", "Armed clash", PV, "19")
                } else {
                    ("Violence against civilians", "Attack", PV, "18")
                }
            }
        }
    }
}

fn role_of_actor(a: &ActorInfo) -> Role {
    match a.actor_type {
        ActorType::StateForces => Role::State,
        ActorType::ExternalOther => Role::Foreign,
        ActorType::Civilians | ActorType::Protesters | ActorType::Rioters => Role::Civilian,
        _ => Role::Armed,
    }
}

/// What an event is read against beyond its own sentences: the report's country, the forces
/// it names, the sentences that tell events said to be other, and the figures it tells of
/// single incidents (by category: killed, injured, arrested): their sum outside summaries,
/// and whether any stands outside a summary of operations.
#[derive(Clone, Copy)]
struct ReportWide<'a> {
    doc_country: Option<&'a str>,
    report_forces: &'a std::cell::OnceCell<Vec<&'static str>>,
    told_separately: &'a [bool],
    /// Incidents were told one after another, each fronted by its place ("In Turbat, …"):
    /// an incident's place is not looked for in the later ones.
    roundup: bool,
    detailed_totals: [u32; 3],
    operations_detailed: [bool; 3],
}

/// The most sentences one event gathers.
const MAX_SENTENCES_PER_EVENT: usize = 6;
/// The most sentences an event and a later paragraph that tells its toll again may have
/// together: a release's lead and its account of the operation, not a list of like reports.
const MAX_SENTENCES_TOLD_AGAIN: usize = 10;

/// A draft event: the sentences that tell of it.
struct Draft {
    class: Class,
    sentences: Vec<usize>,
    /// How many of `sentences` (from the start, before later drafts were folded in) tell the
    /// incident itself; the place is looked for there first.
    core: usize,
}

impl EventStage {
    /// A stage resolving places and actors through `kb`.
    pub fn new(kb: Arc<dyn KnowledgeBase>) -> Self {
        let mut triggers: HashMap<String, Vec<(Vec<String>, Trigger)>> = HashMap::default();
        for (phrase, t) in TRIGGERS {
            let words: Vec<String> = tokenize(phrase)
                .iter()
                .map(|t| t.lower.to_string())
                .collect();
            triggers
                .entry(words[0].clone())
                .or_default()
                .push((words, *t));
        }
        for list in triggers.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        EventStage {
            kb,
            triggers,
            generic: PhraseIndex::new(GENERIC_ACTORS.iter().map(|(p, r)| (*p, *r))),
            verbal: PhraseIndex::new(VERBAL_ACTS.iter().enumerate().map(|(i, (p, _))| (*p, i))),
        }
    }

    /// Triggers with the byte offset where each starts.
    fn find_triggers(&self, toks: &[Token<'_>]) -> Vec<(Trigger, usize)> {
        let mut out = Vec::new();
        let strike_cues = std::cell::OnceCell::new();
        let mut i = 0;
        while i < toks.len() {
            let mut matched = 0;
            if let Some(list) = self.triggers.get(toks[i].lower.as_ref()) {
                for (words, t) in list {
                    let n = words.len();
                    if i + n <= toks.len()
                        && toks[i..i + n]
                            .iter()
                            .zip(words)
                            .all(|(tok, w)| tok.lower == w.as_str())
                    {
                        // "March" the month is not a march; "strike" next to violence is an attack.
                        if words[0] == "marched" && toks[i].is_capitalised() {
                            continue;
                        }
                        // "engaged in human rights violations", "engaged in talks": what follows
                        // says what they do ("engaged in a gun battle" is a clash by its noun).
                        if n == 1
                            && words[0] == "engaged"
                            && toks.get(i + 1).is_some_and(|t| t.lower == "in")
                        {
                            continue;
                        }
                        // "aerial firing", "fired aerial shots" is shooting into the air,
                        // unless aircraft fire.
                        if n == 1
                            && words[0] == "aerial"
                            && toks.get(i + 1).is_some_and(|t| {
                                matches!(t.lower.as_ref(), "fire" | "firing" | "shots" | "shot")
                            })
                            && !toks.iter().any(|t| {
                                matches!(
                                    t.lower.as_ref(),
                                    "jet"
                                        | "jets"
                                        | "fighter"
                                        | "fighters"
                                        | "helicopter"
                                        | "helicopters"
                                        | "gunship"
                                        | "gunships"
                                        | "aircraft"
                                        | "plane"
                                        | "planes"
                                )
                            })
                        {
                            continue;
                        }
                        // "an IED facilitator", "the bomb-making network", "an attack
                        // facilitator": a weapon or an attack naming someone's trade is no
                        // attack.
                        let trade = matches!(
                            t,
                            Trigger::Explosive | Trigger::SuicideBomb | Trigger::Attack
                        ) && toks
                            .get(i + n)
                            .zip(toks.get(i + n + 2))
                            // "improvised explosive device (IED) expert".
                            .and_then(|(open, close)| {
                                (open.lower == "(" && close.lower == ")")
                                    .then(|| toks.get(i + n + 3))
                            })
                            // … and the "(IED)" itself.
                            .or_else(|| {
                                toks.get(i + n)
                                    .is_some_and(|x| x.lower == ")")
                                    .then(|| toks.get(i + n + 1))
                            })
                            .unwrap_or(toks.get(i + n))
                            .is_some_and(|x| {
                                matches!(
                                    x.lower.as_ref(),
                                    "facilitator"
                                        | "facilitators"
                                        | "network"
                                        | "networks"
                                        | "cell"
                                        | "cells"
                                        | "expert"
                                        | "experts"
                                        | "maker"
                                        | "makers"
                                        | "emplacer"
                                        | "emplacers"
                                        | "specialist"
                                        | "specialists"
                                        | "materials"
                                        | "components"
                                        | "factory"
                                        | "trainer"
                                        | "manufacturer"
                                        | "manufacturers"
                                        | "emplacement"
                                        | "production"
                                        | "material"
                                        | "component"
                                        | "supplier"
                                        | "testing"
                                        | "making"
                                )
                            });
                        // "identified a rocket-propelled grenade launcher": a weapon held or
                        // found, not used.
                        let launcher = toks
                            .get(i + n)
                            .is_some_and(|x| matches!(x.lower.as_ref(), "launcher" | "launchers"));
                        // "There were no shots fired at any of the locations", "There was no
                        // exchange of fire between Indian and Pakistani troops".
                        let negated = (words[0] == "fired" || *t == Trigger::Clash)
                            && toks[i.saturating_sub(3)..i]
                                .iter()
                                .any(|x| matches!(x.lower.as_ref(), "no" | "not" | "never"))
                            // "With the resolve to stop fighting against the state, 400
                            // separatists laid down their arms".
                            // ("demanded that Pakistan stop airstrikes on Afghan territory":
                            // a practice to end, no strike told.)
                            || matches!(
                                t,
                                Trigger::Clash
                                    | Trigger::AirStrike
                                    | Trigger::Shelling
                                    | Trigger::Attack
                            )
                                && toks[i.saturating_sub(2)..i].iter().any(|x| {
                                    matches!(
                                        x.lower.as_ref(),
                                        "stop"
                                            | "stopped"
                                            | "end"
                                            | "ended"
                                            | "cease"
                                            | "ceased"
                                            | "halt"
                                            | "quit"
                                            | "renounce"
                                            | "renounced"
                                            | "abandon"
                                            | "abandoned"
                                    )
                                })
                            // "brokered a ceasefire … after a week of fighting": the fighting
                            // the truce ends, told before (where its toll is not told).
                            || *t == Trigger::Clash && fighting_a_truce_ends(toks, i)
                            // "police would begin arresting those who remain", "will start
                            // shelling": a deed yet to begin.
                            || words[0].ends_with("ing")
                                && i >= 2
                                && matches!(toks[i - 1].lower.as_ref(), "begin" | "start")
                                && matches!(
                                    toks[i - 2].lower.as_ref(),
                                    "will"
                                        | "would"
                                        | "to"
                                        | "shall"
                                        | "must"
                                        | "should"
                                        | "could"
                                        | "may"
                                )
                            // "No women or children were injured during this operation".
                            || n == 1
                                && matches!(
                                    words[0].as_str(),
                                    "injured"
                                        | "wounded"
                                        | "killed"
                                        | "dead"
                                        | "died"
                                        | "detained"
                                        | "arrested"
                                        | "captured"
                                )
                                && toks[i.saturating_sub(8)..i]
                                    .iter()
                                    .rev()
                                    .take_while(|x| !matches!(x.lower.as_ref(), "," | ";" | "and"))
                                    .any(|x| {
                                        matches!(
                                            x.lower.as_ref(),
                                            "no" | "not" | "never" | "none" | "nobody" | "n't"
                                        )
                                    });
                        // "strike" is a labour strike, an air strike, or neither.
                        let t = if n == 1 && matches!(words[0].as_str(), "strike" | "strikes") {
                            strike_sense(toks, i, *strike_cues.get_or_init(|| StrikeCues::of(toks)))
                        } else if n == 1 && words[0] == "demonstrated" && shows_something(toks, i) {
                            None
                        } else {
                            Some(*t)
                        };
                        if let Some(t) = t
                            && !trade
                            && !launcher
                            && !negated
                        {
                            out.push((t, toks[i].start));
                        }
                        matched = n;
                        break;
                    }
                }
            }
            // "set a girls' school on fire", "set the houses ablaze": the burning told around
            // its object.
            if matched == 0
                && toks[i].lower == "set"
                && let Some(k) = (i + 2..(i + 8).min(toks.len())).find(|&k| {
                    toks[k].lower == "ablaze"
                        || toks[k].lower == "on"
                            && toks.get(k + 1).is_some_and(|t| t.lower == "fire")
                })
                && toks[i + 1..k].iter().all(|t| t.is_word() || t.text == "'")
            {
                out.push((Trigger::Riot, toks[i].start));
                matched = k - i + 1;
            }
            i += matched.max(1);
        }
        // "released three soldiers in exchange for 10 prisoners": a prisoner exchange, an
        // agreement (not "in exchange for a ransom").
        if !out.iter().any(|(t, _)| *t == Trigger::Agreement)
            && let Some(k) = (0..toks.len().saturating_sub(3)).find(|&k| {
                toks[k].lower == "in"
                    && toks[k + 1].lower == "exchange"
                    && toks[k + 2].lower == "for"
                    && toks[k + 3..(k + 7).min(toks.len())].iter().any(|t| {
                        matches!(
                            t.lower.as_ref(),
                            "prisoners" | "detainees" | "captives" | "inmates"
                        )
                    })
            })
        {
            out.push((Trigger::Agreement, toks[k + 1].start));
            out.sort_by_key(|(_, b)| *b);
        }
        // "a drone, believed to be Pakistani, struck a house": the drone's strike told
        // around an aside.
        if !out.iter().any(|(t, _)| *t == Trigger::AirStrike)
            && let Some(k) = (0..toks.len()).find(|&k| {
                matches!(toks[k].lower.as_ref(), "drone" | "drones")
                    && toks.get(k + 1).is_some_and(|t| t.text == ",")
                    && (k + 2..(k + 10).min(toks.len()))
                        .find(|&j| toks[j].text == ",")
                        .is_some_and(|c| {
                            toks.get(c + 1).is_some_and(|t| {
                                matches!(
                                    t.lower.as_ref(),
                                    "struck" | "hit" | "targeted" | "fired" | "bombed"
                                )
                            })
                        })
            })
        {
            out.push((Trigger::AirStrike, toks[k].start));
        }
        // "blocked the Bannu-Miranshah road, demanding the arrest of the killers": a road
        // blocked in demand of something is a protest, whatever the road is called.
        if !out.iter().any(|(t, _)| *t == Trigger::Protest)
            && let Some(k) = (0..toks.len()).find(|&k| {
                matches!(toks[k].lower.as_ref(), "blocked" | "blocking")
                    && toks[k + 1..(k + 6).min(toks.len())].iter().any(|t| {
                        matches!(
                            t.lower.as_ref(),
                            "road" | "roads" | "highway" | "motorway" | "bypass" | "traffic"
                        )
                    })
            })
            && toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "demanding" | "demanded" | "demand" | "against" | "protest"
                )
            })
        {
            out.push((Trigger::Protest, toks[k].start));
            out.sort_by_key(|(_, b)| *b);
        }
        out
    }

    fn read_sentence(
        &self,
        cx: &DocContext<'_>,
        ann: &Annotations,
        begin: usize,
        end: usize,
        reference: Option<NaiveDate>,
        dateline_span: Option<(usize, usize)>,
    ) -> SentenceFacts {
        let bb = cx.offsets.byte_of(begin);
        let be = cx.offsets.byte_of(end);
        let text = &cx.doc.text[bb..be];
        let toks = cx.tokens_between(bb, be);
        let found_triggers = self.find_triggers(&toks);
        let mut casualties = find_casualties(&toks);
        // "Two suspects were arrested in connection with last month's killing of a Chinese
        // national": the deed they are held for is another event, its dead not counted here.
        if casualties.iter().any(|c| c.category == Category::Arrested) {
            casualties.retain(|c| {
                c.category == Category::Arrested
                    || !(c.token.saturating_sub(8)..c.token)
                        .rev()
                        .take_while(|&j| !matches!(toks[j].lower.as_ref(), ";" | "."))
                        .any(|j| {
                            toks[j].lower == "connection"
                                && toks.get(j + 1).is_some_and(|t| t.lower == "with")
                        })
            });
        }
        // "A day after gunmen killed 42 passengers in a convoy attack, armed men torched
        // shops": the clause that dates this event by another tells that other's deed and
        // toll, not this one's.
        // ("…, using tear gas, hours after four Rangers personnel were killed when a vehicle
        // rammed into them": told last, the clause runs to the sentence's end.)
        let other_deed = (1..toks.len())
            .find(|&a| {
                // "Police killed two robbers who had shot dead a trader": what those taken or
                // killed had done before, told in a relative clause, is that other deed.
                // (Not "which": "the drone attack …, which had killed four persons" tells
                // this deed's toll.)
                if toks[a].lower == "who"
                    && toks.get(a + 1).is_some_and(|t| t.lower == "had")
                    && toks.get(a + 2).is_some_and(|t| {
                        matches!(
                            t.lower.as_ref(),
                            "killed"
                                | "shot"
                                | "gunned"
                                | "murdered"
                                | "attacked"
                                | "kidnapped"
                                | "abducted"
                                | "wounded"
                                | "injured"
                                | "planted"
                                | "carried"
                        )
                    })
                {
                    return true;
                }
                // (Not "Day before, on Independence Day, 5 militants were killed": a time
                // with no deed after it.)
                let unit = toks[a - 1].lower.as_ref();
                // "Yesterday's clash came days after two policemen were killed": told to
                // date what was told before, the clause is the sentence's news.
                let came = toks[a.saturating_sub(4)..a].iter().any(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "came" | "comes" | "occurred" | "happened" | "followed" | "follows"
                    )
                });
                !came
                    && matches!(toks[a].lower.as_ref(), "after" | "before")
                    && is_time_span_unit(unit)
                    && (unit.ends_with('s')
                        || a >= 2 && matches!(toks[a - 2].lower.as_ref(), "a" | "one" | "the"))
                    && toks.get(a + 1).is_some_and(|t| {
                        !matches!(
                            t.lower.as_ref(),
                            "on" | "in" | "at" | "that" | "yesterday" | ","
                        )
                    })
            })
            .and_then(|a| {
                // A clause told last runs to the sentence's end.
                let end = (a + 1..toks.len().min(a + 30))
                    .find(|&k| matches!(toks[k].text, "," | "." | ";"))
                    .or_else(|| (a + 30 > toks.len()).then_some(toks.len()))?;
                // Only when this event is told outside the clause: "The tip off came two days
                // after the police recovered explosives" tells no other, and the recovery
                // stands as the sentence's event.
                // (With the clause: its first and last token, and where it ends in bytes.)
                let end_at = toks.get(end).map_or(usize::MAX, |t| t.start);
                found_triggers
                    .iter()
                    .any(|(_, b)| *b < toks[a].start || *b > end_at)
                    .then_some((a, end, end_at))
            });
        let found_triggers: Vec<(Trigger, usize)> = match other_deed {
            Some((a, end, end_at)) => {
                casualties.retain(|c| !(a < c.token && c.token < end));
                found_triggers
                    .into_iter()
                    .filter(|(_, b)| !(toks[a].start < *b && *b < end_at))
                    .collect()
            }
            None => found_triggers,
        };
        // Where the sentence speaks of the event (code points), to prefer nearby places.
        let mut anchors: Vec<usize> = found_triggers
            .iter()
            .map(|(_, b)| *b)
            .chain(casualties.iter().map(|c| toks[c.token].start))
            .map(|b| cx.offsets.char_of(bb + b))
            .collect();
        // Sorted, for the nearest anchor by binary search.
        anchors.sort_unstable();
        // "staged demonstrations to condemn a bomb attack", "protested against the abduction
        // of a journalist": in a protest, violence named as what it is against is the
        // grievance, not a second event.
        let protest_here = found_triggers.iter().any(|(t, _)| *t == Trigger::Protest);
        let found_triggers: Vec<(Trigger, usize)> = found_triggers
            .into_iter()
            .filter(|(t, b)| {
                if !protest_here || matches!(t, Trigger::Protest | Trigger::Riot) {
                    return true;
                }
                let Some(k) = token_starting_at(&toks, *b) else {
                    return true;
                };
                let noun = (k..(k + 3).min(toks.len())).any(|j| {
                    is_grievance_noun(&toks[j].lower)
                        || matches!(
                            toks[j].lower.as_ref(),
                            "abduction"
                                | "kidnapping"
                                | "kidnappings"
                                | "abductions"
                                | "disappearance"
                                | "disappearances"
                        )
                });
                let cue = (k.saturating_sub(6)..k).any(|j| {
                    // "over 50 injured in a blast at a rally": a figure, not a grievance.
                    let figure = toks[j].lower == "over"
                        && toks.get(j + 1).is_some_and(|t| is_figure(&t.lower));
                    is_grievance_cue(&toks[j].lower) && !figure
                        || matches!(toks[j].lower.as_ref(), "protested" | "protest" | "condemns")
                });
                // "protested … against the government for failing to assist in retrieving a
                // kidnapped senior health official": a participle naming the grievance's victim.
                let adjective = k > 0
                    && toks[k].lower.ends_with("ed")
                    && matches!(
                        toks[k - 1].lower.as_ref(),
                        "a" | "an" | "the" | "his" | "her" | "their"
                    )
                    && (k.saturating_sub(12)..k)
                        .any(|j| is_grievance_cue(&toks[j].lower) || toks[j].lower == "for");
                // "against the abduction of a colleague, Dr Mahrukh, who was kidnapped from
                // Sariab Road last week": the relative clause tells the grievance again.
                // ("with the body of a young man who they said was killed by security forces
                // in a fake encounter": a clause of the grievance's victim, to its end.)
                let relative = k >= 2
                    && matches!(toks[k - 1].lower.as_ref(), "was" | "were" | "had" | "been")
                    && (k.saturating_sub(4)..k)
                        .any(|j| matches!(toks[j].lower.as_ref(), "who" | "whom" | "which"))
                    && (k.saturating_sub(20)..k).any(|j| is_grievance_cue(&toks[j].lower))
                    || (k.saturating_sub(12)..k).any(|j| {
                        toks[j].lower == "who"
                            && (j.saturating_sub(6)..j)
                                .any(|c| matches!(toks[c].lower.as_ref(), "body" | "bodies"))
                    });
                !(adjective || relative || noun && cue)
            })
            .collect();
        // "a Taliban leader responsible for roadside bomb attacks", "a facilitator who provides
        // improvised explosive devices to fighters": a weapon or an attack named as someone's
        // record or trade is background, not this event.
        let found_triggers: Vec<(Trigger, usize)> = found_triggers
            .into_iter()
            .filter(|(t, b)| {
                if !matches!(
                    t,
                    Trigger::Explosive
                        | Trigger::Grenade
                        | Trigger::SuicideBomb
                        | Trigger::Shelling
                        | Trigger::Attack
                        | Trigger::Abduction
                        | Trigger::Clash
                        | Trigger::AirStrike
                ) {
                    return true;
                }
                let Some(k) = token_starting_at(&toks, *b) else {
                    return true;
                };
                // Air strikes only as a tally: the forces "conduct" them, which is no
                // record.
                if *t == Trigger::AirStrike {
                    return !tallies_incidents(&toks, k);
                }
                !names_a_record(&toks, k)
            })
            .collect();
        // "Security forces shot down a quadcopter": the drone was stopped, not used.
        // (Asked only where a drone or strike word was found: most sentences have none.)
        let downed = found_triggers.iter().any(|(t, _)| *t == Trigger::AirStrike)
            && (toks.windows(2).any(|w| {
                matches!(w[0].lower.as_ref(), "shot" | "brought") && w[1].lower == "down"
            }) || toks
                .iter()
                .any(|t| matches!(t.lower.as_ref(), "intercepted" | "downed")));
        let found_triggers: Vec<(Trigger, usize)> = if downed {
            found_triggers
                .into_iter()
                .filter(|(t, b)| {
                    *t != Trigger::AirStrike
                        || !token_starting_at(&toks, *b).is_some_and(|k| {
                            matches!(
                                toks[k].lower.as_ref(),
                                "quadcopter" | "quadcopters" | "drone" | "drones"
                            )
                        })
                })
                .collect()
        } else {
            found_triggers
        };
        // "detained a female activist for protesting against restrictions", "sentenced for
        // taking part in a rally": the protest is why, not what happened.
        let found_triggers: Vec<(Trigger, usize)> = found_triggers
            .into_iter()
            .filter(|(t, b)| {
                if *t != Trigger::Protest {
                    return true;
                }
                let Some(k) = token_starting_at(&toks, *b) else {
                    return true;
                };
                // "summoned the envoy to lodge a strong protest", "a protest note": a
                // government's protest is diplomacy, not a demonstration.
                let diplomatic = toks.get(k + 1).is_some_and(|t| t.lower == "note")
                    || (k.saturating_sub(3)..k).any(|j| {
                        matches!(
                            toks[j].lower.as_ref(),
                            "lodge" | "lodged" | "lodging" | "conveyed"
                        )
                    });
                if diplomatic {
                    return false;
                }
                !(k.saturating_sub(5)..k)
                    .rev()
                    .take_while(|&j| {
                        matches!(
                            toks[j].lower.as_ref(),
                            "for"
                                | "taking"
                                | "part"
                                | "in"
                                | "a"
                                | "an"
                                | "the"
                                | "participating"
                                | "organising"
                                | "organizing"
                                | "joining"
                                | "leading"
                                | "holding"
                        )
                    })
                    .any(|j| toks[j].lower == "for")
            })
            .collect();
        // "a search operation launched after an oil tanker was blown up", "protested …
        // after a bomb blast 4 years ago", "The bombing in Youhanabad sparked mob violence":
        // violence told as the cause of the operation, protest or riot the sentence reports
        // is background, unless it is the one that hurt the people counted after it.
        let found_triggers: Vec<(Trigger, usize)> = {
            let starts: Vec<(Trigger, Option<usize>)> = found_triggers
                .iter()
                .map(|(t, b)| (*t, token_starting_at(&toks, *b)))
                .collect();
            let responds = |t: Trigger| {
                matches!(
                    t,
                    Trigger::Operation | Trigger::Protest | Trigger::Arrest | Trigger::Riot
                )
            };
            // The first and last such trigger and the last count of hurt people, so that each
            // trigger's test is constant time (a run-on sentence may hold thousands).
            let responding = starts
                .iter()
                .filter(|(t, _)| responds(*t))
                .filter_map(|(_, s)| *s);
            let first_response = responding.clone().min();
            let first_trigger = starts.iter().filter_map(|(_, s)| *s).min();
            let last_response = responding.max();
            let last_hurt = casualties
                .iter()
                .filter(|c| matches!(c.category, Category::Killed | Category::Injured))
                .map(|c| c.token)
                .max();
            found_triggers
                .into_iter()
                .zip(starts.iter().map(|s| s.1))
                .filter(|((t, _), k)| {
                    let Some(k) = *k else { return true };
                    // "against the arrest of MQM members who had rioted at a PTI camp": what
                    // the people spoken of had done before.
                    // ("protestors who had begun rioting" are rioting now.)
                    let earlier_deed = k >= 2
                        && toks[k - 1].lower == "had"
                        && matches!(toks[k - 2].lower.as_ref(), "who" | "which" | "that")
                        && first_response.is_some_and(|s| s < k);
                    if earlier_deed {
                        return false;
                    }
                    if !matches!(
                        t,
                        Trigger::Explosive
                            | Trigger::Attack
                            | Trigger::SuicideBomb
                            | Trigger::Grenade
                            | Trigger::Shelling
                            | Trigger::AirStrike
                    ) {
                        return true;
                    }
                    let hurt_after = last_hurt.is_some_and(|h| h > k);
                    let after_the = (k.saturating_sub(6)..k)
                        .find(|&j| toks[j].lower == "after")
                        .is_some_and(|j| first_response.is_some_and(|s| s < j));
                    let caused = (k + 1..(k + 4).min(toks.len())).any(|j| {
                        matches!(
                            toks[j].lower.as_ref(),
                            "sparked" | "triggered" | "prompted" | "provoked"
                        )
                    }) && last_response.is_some_and(|s| s > k);
                    // "Afghan forces shelled Pakistani posts in response to the air strikes":
                    // what the act answers is told of before.
                    let answers = (k.saturating_sub(4)..k).find(|&j| {
                        let next = toks.get(j + 1).map_or("", |t| t.lower.as_ref());
                        matches!(
                            (toks[j].lower.as_ref(), next),
                            ("retaliation" | "revenge" | "reprisal", "for")
                                | ("response", "to")
                                | ("avenge", _)
                        )
                    });
                    let answers = answers.is_some_and(|j| first_trigger.is_some_and(|s| s < j));
                    !(after_the && !hurt_after || caused || answers)
                })
                .map(|(t, _)| t)
                .collect()
        };
        // "took control of the land", "overran the convoy": only a place is territory.
        let found_triggers: Vec<(Trigger, usize)> = found_triggers
            .into_iter()
            .filter(|(t, b)| {
                *t != Trigger::Territory
                    || token_starting_at(&toks, *b).is_some_and(|k| {
                        let after = (k..(k + 3).min(toks.len()))
                            .find(|&j| {
                                matches!(
                                    toks[j].lower.as_ref(),
                                    "of" | "overran" | "overrun" | "recaptured" | "retook"
                                )
                            })
                            .map_or(k + 1, |j| j + 1);
                        takes_a_place(&toks, after, true)
                    })
            })
            // "The Taliban captured the district headquarters", "seized two villages": a place
            // taken is territory, not people arrested or weapons seized.
            .map(|(t, b)| {
                let taken_place = matches!(t, Trigger::Arrest | Trigger::Disrupted)
                    && token_starting_at(&toks, b).is_some_and(|k| {
                        matches!(
                            toks[k].lower.as_ref(),
                            "captured" | "capture" | "captures" | "seized" | "seize" | "seizes"
                        ) && takes_a_place(&toks, k + 1, false)
                    });
                (if taken_place { Trigger::Territory } else { t }, b)
            })
            .collect();
        // "his head and legs had been recovered for identification": a bare recovery or
        // seizure takes weapons out of use only when weapons are what was recovered.
        let weapons_said = || {
            toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "weapon"
                        | "weapons"
                        | "arms"
                        | "ammunition"
                        | "explosive"
                        | "explosives"
                        | "ied"
                        | "ieds"
                        | "grenade"
                        | "grenades"
                        | "rocket"
                        | "rockets"
                        | "mortar"
                        | "mortars"
                        | "bomb"
                        | "bombs"
                        | "cache"
                        | "caches"
                        | "pistol"
                        | "pistols"
                        | "rifle"
                        | "rifles"
                        | "guns"
                        | "kalashnikov"
                        | "kalashnikovs"
                        | "ak-47"
                        | "ak-47s"
                        | "detonator"
                        | "detonators"
                        | "vest"
                        | "jacket"
                        | "jackets"
                        | "launcher"
                        | "launchers"
                        | "rounds"
                        | "munitions"
                        | "mines"
                        | "landmine"
                        | "landmines"
                        | "firearm"
                        | "firearms"
                )
            })
        };
        // "The narcotics were safely destroyed on site", "destroyed the cache": the forces
        // disposing of what they seized is no destruction of property.
        let disposal = || {
            toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "safely"
                        | "narcotics"
                        | "drugs"
                        | "opium"
                        | "heroin"
                        | "hashish"
                        | "morphine"
                        | "cache"
                        | "caches"
                        // "weapons and ammunition belonging to the insurgents were also
                        // destroyed".
                        | "weapons"
                        | "ammunition"
                        | "explosives"
                        | "ieds"
                )
            })
        };
        let found_triggers: Vec<(Trigger, usize)> = found_triggers
            .into_iter()
            .filter(|(t, b)| {
                !(*t == Trigger::Looting
                    && token_starting_at(&toks, *b).is_some_and(|k| toks[k].lower == "destroyed")
                    && disposal())
            })
            .filter(|(t, b)| {
                *t != Trigger::Disrupted
                    || !token_starting_at(&toks, *b)
                        .is_some_and(|k| matches!(toks[k].lower.as_ref(), "recovered" | "seized"))
                    || weapons_said()
            })
            .collect();
        // Four readings of a trigger in its sentence, in one pass:
        // - "Police arrested three kidnappers and recovered the abducted child": the kidnappers
        //   and the abducted named where they are caught, killed or freed tell of an abduction
        //   before; the event is the arrest, fight or rescue;
        // - "Pakistan and Afghanistan agreed to reopen the border", "the two sides agreed on a
        //   ceasefire": an agreement; "he agreed to help" is none;
        // - "Explosives, two pistols and a hand grenade were recovered from their possession":
        //   what was taken off the people held is part of their arrest, not a weapons seizure
        //   of its own (nor, with nobody hurt, a blast);
        // - "detained two journalists for reporting on a women's protest": a protest someone
        //   reported on or organised is none told here.
        let rescue_told = toks.iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "rescued"
                    | "rescue"
                    | "recovered"
                    | "recovery"
                    | "freed"
                    | "released"
                    | "arrested"
                    | "detained"
                    | "apprehended"
                    | "nabbed"
                    | "killed"
            )
        });
        let taken_off_the_held = toks.windows(3).any(|w| {
            w[0].lower == "from"
                && (matches!(w[1].lower.as_ref(), "their" | "his" | "her" | "the")
                    && w[2].lower == "possession"
                    || w[1].lower == "the"
                        && matches!(
                            w[2].lower.as_ref(),
                            "suspects" | "suspect" | "accused" | "arrested" | "detainees"
                        ))
        });
        let hurt = casualties
            .iter()
            .any(|c| matches!(c.category, Category::Killed | Category::Injured));
        let an_abduction_before = |k: usize| {
            rescue_told
                && (matches!(
                    toks[k].lower.as_ref(),
                    "kidnapper" | "kidnappers" | "abductor" | "abductors"
                ) || k > 0
                    && toks[k - 1].lower == "the"
                    && matches!(toks[k].lower.as_ref(), "abducted" | "kidnapped"))
        };
        // "arrested a would-be suicide bomber", "recovered two suicide vests": with nobody
        // hurt and nothing set off, a bomber held or a vest found is no bombing.
        let bomber_held = !hurt
            && found_triggers.iter().any(|(t, _)| *t == Trigger::Arrest)
            && !toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "exploded"
                        | "detonated"
                        | "blew"
                        | "blast"
                        | "explosion"
                        | "went"
                        | "rammed"
                        | "struck"
                        | "attacked"
                )
            });
        let vest_found = |k: usize| {
            !hurt
                && toks.get(k + 1).is_some_and(|t| {
                    matches!(t.lower.as_ref(), "vest" | "vests" | "jacket" | "jackets")
                })
                && toks[k.saturating_sub(8)..k].iter().any(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "recovered" | "seized" | "found" | "confiscated" | "discovered" | "defused"
                    )
                })
        };
        let found_agreement = found_triggers.iter().any(|(t, _)| *t == Trigger::Agreement);
        let found_triggers: Vec<(Trigger, usize)> = found_triggers
            .into_iter()
            .filter(|(t, b)| {
                let at = token_starting_at(&toks, *b);
                match t {
                    Trigger::SuicideBomb => !bomber_held && !at.is_some_and(vest_found),
                    Trigger::Abduction => !at.is_some_and(an_abduction_before),
                    Trigger::Agreement => {
                        at.is_none_or(|k| toks[k].lower != "agreed" || two_parties_agree(&toks, k))
                    }
                    Trigger::Disrupted
                    | Trigger::Explosive
                    | Trigger::Grenade
                    | Trigger::Shelling => !taken_off_the_held || hurt,
                    // "detained two journalists for reporting on a women's protest": the
                    // protest is what someone reported on or organised, not one told here.
                    // "signed an agreement …, ending the sit-in": a protest ended by what the
                    // sentence tells.
                    Trigger::Protest => !at.is_some_and(|k| {
                        toks[k.saturating_sub(4)..k].iter().any(|t| {
                            matches!(
                                t.lower.as_ref(),
                                "reporting"
                                    | "covering"
                                    | "coverage"
                                    | "filming"
                                    | "photographing"
                                    | "organising"
                                    | "organizing"
                            )
                        }) || toks[k.saturating_sub(3)..k]
                            .iter()
                            .any(|t| matches!(t.lower.as_ref(), "ending" | "ended" | "end" | "off"))
                            && found_agreement
                    }),
                    _ => true,
                }
            })
            .collect();
        // "killed in exchange of fire and a cache of arms, ammunition and explosives
        // recovered", "recovered weapons and explosives from the militants": weapons found
        // beside a fight are found, not used.
        let mut found_weapons = false;
        let found_triggers: Vec<(Trigger, usize)> = found_triggers
            .into_iter()
            .filter(|(t, b)| {
                if !matches!(t, Trigger::Explosive | Trigger::Grenade | Trigger::Shelling) {
                    return true;
                }
                let found = token_starting_at(&toks, *b).is_some_and(|k| names_a_find(&toks, k));
                found_weapons |= found;
                !found
            })
            .collect();
        // "the bomb blast in Khanpur on a Chehlum procession", "an attack on a PTI rally": a
        // gathering that violence struck is where it struck, not a protest of its own.
        let found_triggers: Vec<(Trigger, usize)> = found_triggers
            .into_iter()
            .filter(|(t, b)| {
                if *t != Trigger::Protest {
                    return true;
                }
                let Some(k) = token_starting_at(&toks, *b) else {
                    return true;
                };
                let Some(p) = (k.saturating_sub(4)..k)
                    .rev()
                    .find(|&j| matches!(toks[j].lower.as_ref(), "on" | "at" | "targeting"))
                else {
                    return true;
                };
                !(p.saturating_sub(5)..p).any(|j| {
                    matches!(
                        toks[j].lower.as_ref(),
                        "blast"
                            | "blasts"
                            | "attack"
                            | "attacks"
                            | "bombing"
                            | "explosion"
                            | "firing"
                            | "shooting"
                            | "assault"
                    )
                })
            })
            .collect();
        // "after information of a bomb was received", "each IED weighed 20 kilograms": a
        // weapon named with nothing said to go off, hit or hurt anyone is no explosion.
        let found_triggers: Vec<(Trigger, usize)> = if found_triggers
            .iter()
            .any(|(t, b)| *t == Trigger::Explosive && names_a_bare_weapon(&toks, *b))
            && !casualties
                .iter()
                .any(|c| matches!(c.category, Category::Killed | Category::Injured))
            && !found_triggers.iter().any(|(t, b)| {
                matches!(
                    t,
                    Trigger::SuicideBomb
                        | Trigger::AirStrike
                        | Trigger::Shelling
                        | Trigger::Grenade
                        | Trigger::Clash
                        | Trigger::Attack
                        | Trigger::Riot
                        | Trigger::Looting
                ) || *t == Trigger::Explosive && !names_a_bare_weapon(&toks, *b)
            })
            && !tells_a_weapon_used(&toks)
        {
            found_triggers
                .into_iter()
                .filter(|(t, _)| *t != Trigger::Explosive)
                .collect()
        } else {
            found_triggers
        };
        // Where the first threat or pledge is ("threatened to", "vowed to", "warned of"), and
        // whether every act of violence named comes after it.
        // Also a threat's object told as a noun: "threatened more suicide attacks", "vowed
        // revenge attacks".
        let threat_at = toks
            .windows(2)
            .position(|w| {
                matches!(
                    (w[0].lower.as_ref(), w[1].lower.as_ref()),
                    (
                        "threatened" | "threatens" | "threatening" | "vowed" | "vows" | "vowing",
                        "to" | "more"
                            | "further"
                            | "fresh"
                            | "new"
                            | "revenge"
                            | "retaliatory"
                            | "reprisal"
                            | "attacks"
                            | "suicide"
                    ) | ("warned" | "warns" | "warn", "of" | "that")
                )
            })
            // "warned on Tuesday that Pakistan would target …": a day may stand between.
            .or_else(|| {
                toks.windows(4).position(|w| {
                    matches!(w[0].lower.as_ref(), "warned" | "warns")
                        && w[1].lower == "on"
                        && matches!(w[3].lower.as_ref(), "that" | "of")
                })
            });
        let violence_threatened = threat_at.is_some_and(|c| {
            let mut violent = found_triggers
                .iter()
                .filter(|(t, _)| {
                    matches!(
                        t,
                        Trigger::Attack
                            | Trigger::SuicideBomb
                            | Trigger::Explosive
                            | Trigger::Shelling
                            | Trigger::Grenade
                            | Trigger::AirStrike
                            | Trigger::Clash
                            | Trigger::Abduction
                    )
                })
                .peekable();
            violent.peek().is_some()
                && violent.all(|(_, b)| token_starting_at(&toks, *b).is_some_and(|k| k > c))
        });
        let mut triggers: Vec<Trigger> = found_triggers.iter().map(|(t, _)| *t).collect();
        if found_weapons && !taken_off_the_held && !triggers.contains(&Trigger::Disrupted) {
            triggers.push(Trigger::Disrupted);
        }
        // "16 people were killed as a passenger van plunged into a ravine": deaths in an
        // accident or a disaster, told with no violence, are no political violence.
        let accident = || {
            toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "accident"
                        | "accidents"
                        | "plunged"
                        | "collided"
                        | "collision"
                        | "capsized"
                        | "drowned"
                        | "earthquake"
                        | "landslide"
                        | "landslides"
                        | "avalanche"
                        | "electrocuted"
                        | "floods"
                        | "stampede"
                        | "ravine"
                )
            })
        };
        let only_harm_told = found_triggers.iter().all(|(t, b)| {
            *t == Trigger::Attack
                && token_starting_at(&toks, *b).is_some_and(|k| {
                    matches!(
                        toks[k].lower.as_ref(),
                        "killed"
                            | "killing"
                            | "died"
                            | "dead"
                            | "injured"
                            | "wounded"
                            | "lost"
                            | "bodies"
                            | "body"
                    )
                })
        });
        // (Not "three bullet-riddled bodies were recovered from a ravine".)
        let marks_of_violence = || {
            toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "bullet-riddled" | "bullet" | "bullets" | "gunshot" | "tortured" | "shot"
                )
            })
        };
        if only_harm_told && accident() && !marks_of_violence() {
            triggers.clear();
            casualties.clear();
        }
        // "A suicide bomber was shot dead before he could detonate his vest": the bomb never
        // went off; the attack was stopped. (Read only where a bomb is told: the scans below
        // would otherwise run on every sentence.)
        let bomb_told = triggers
            .iter()
            .any(|t| matches!(t, Trigger::SuicideBomb | Trigger::Explosive));
        let stopped_before = || {
            toks.windows(4).any(|w| {
                w[0].lower == "before"
                    && (matches!(w[1].lower.as_ref(), "he" | "she" | "they")
                        && w[2].lower == "could"
                        && matches!(
                            w[3].lower.as_ref(),
                            "detonate" | "explode" | "blow" | "trigger" | "set"
                        )
                        || matches!(
                            w[1].lower.as_ref(),
                            "detonating" | "exploding" | "blowing" | "triggering"
                        ))
            })
        };
        // ("A suspected suicide bomber was shot dead at a checkpoint": shot, with nothing
        // said to go off.)
        let bomber_shot = || {
            toks.iter().any(|t| t.lower == "bomber")
                && toks
                    .iter()
                    .any(|t| matches!(t.lower.as_ref(), "shot" | "gunned"))
                && !toks.iter().any(|t| {
                    matches!(
                        t.lower.as_ref(),
                        "exploded"
                            | "explodes"
                            | "blew"
                            | "blown"
                            | "detonated"
                            | "detonates"
                            | "blast"
                            | "explosion"
                            | "struck"
                            | "rammed"
                            | "attack"
                            | "attacked"
                            | "went"
                            | "wounded"
                            | "injured"
                    )
                })
        };
        if bomb_told && (stopped_before() || bomber_shot()) {
            triggers.retain(|t| !matches!(t, Trigger::SuicideBomb | Trigger::Explosive));
            if !triggers.contains(&Trigger::Disrupted) {
                triggers.push(Trigger::Disrupted);
            }
        }
        // "The security force found a pistol and a grenade at the scene": weapons found are
        // weapons taken out of use.
        if !triggers.contains(&Trigger::Disrupted)
            && triggers.iter().any(|t| {
                matches!(
                    t,
                    Trigger::Explosive
                        | Trigger::Grenade
                        | Trigger::SuicideBomb
                        | Trigger::Shelling
                )
            })
            && toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "found" | "finding" | "discovered" | "uncovered" | "confiscated" | "unearthed"
                )
            })
        {
            triggers.push(Trigger::Disrupted);
        }
        // "Police recovered hand grenades and explosives", "the squad defused a bomb", "seized
        // a cache of rockets": weapons found or made safe are no attack, unless something went
        // off or someone was hurt.
        if triggers.contains(&Trigger::Disrupted)
            && casualties.iter().all(|c| c.category == Category::Arrested)
            && !toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "exploded"
                        | "explodes"
                        | "went"
                        | "blast"
                        | "blasts"
                        | "explosion"
                        | "explosions"
                        | "detonated"
                        | "hurled"
                        | "fired"
                        | "attack"
                        | "attacked"
                        | "struck"
                )
            })
        {
            triggers.retain(|t| {
                !matches!(
                    t,
                    Trigger::Explosive
                        | Trigger::Grenade
                        | Trigger::SuicideBomb
                        | Trigger::Shelling
                )
            });
        }
        // "strike" alone is a protest only when nothing violent is said.
        if triggers.contains(&Trigger::Protest)
            && (triggers.iter().any(|t| {
                matches!(
                    t,
                    Trigger::Explosive
                        | Trigger::AirStrike
                        | Trigger::SuicideBomb
                        | Trigger::Attack
                )
            }) || casualties.iter().any(|c| c.category == Category::Killed))
            && toks.iter().any(|t| t.lower == "strike")
            && !toks.iter().any(|t| {
                matches!(
                    t.lower.as_ref(),
                    "protest"
                        | "protested"
                        | "protesters"
                        | "protestors"
                        | "demonstration"
                        | "rally"
                )
            })
            // ("observed a shutter-down strike …, saying shortages had killed 50 children"
            // is a strike whatever it says of deaths.)
            && !toks.windows(2).any(|w| {
                w[1].lower == "strike"
                    && matches!(
                        w[0].lower.as_ref(),
                        "shutter-down" | "wheel-jam" | "pen-down" | "hunger" | "general" | "token"
                    )
            })
        {
            triggers.retain(|t| *t != Trigger::Protest);
        }
        // Weak arrest words ("held talks", "in custody") need a count.
        let strong_arrest = toks.iter().enumerate().any(|(i, t)| {
            matches!(
                t.lower.as_ref(),
                "arrested"
                    | "detained"
                    | "captured"
                    | "apprehended"
                    | "nabbed"
                    | "arresting"
                    | "detaining"
                    | "capturing"
            ) || (matches!(t.lower.as_ref(), "arrest" | "capture")
                && toks.get(i + 1).is_some_and(|n| n.lower == "of")
                // "demanding the arrest of the killers": what a crowd wants.
                && !toks[i.saturating_sub(3)..i].iter().any(|p| {
                    matches!(
                        p.lower.as_ref(),
                        "demand" | "demands" | "demanded" | "demanding" | "for" | "sought"
                            | "seeking" | "urged" | "urging"
                    )
                }))
        });
        if triggers.contains(&Trigger::Arrest)
            && !strong_arrest
            && !casualties.iter().any(|c| c.category == Category::Arrested)
        {
            triggers.retain(|t| *t != Trigger::Arrest);
        }
        let mut words: Vec<String> = toks.iter().map(|t| t.lower.to_string()).collect();
        // The other deed's words are not this event's ("… hours after four Rangers were
        // killed": no one died at the hands of the police here). Blanked, so that token
        // indices still hold.
        if let Some((a, end, _)) = other_deed {
            for w in &mut words[a + 1..end] {
                w.clear();
            }
        }
        let mut places = Vec::new();
        let mut road_places = Vec::new();
        let mut actors = Vec::new();
        // Organisations whose names hold a place ("the Kohistan Bachayo Action Committee",
        // "the Quetta Electric Supply Company"): the place says whose it is, not where the event
        // happened.
        let org_spans: Vec<(usize, usize)> =
            crate::pipeline::mentions_within(&ann.mentions, begin, end)
                .iter()
                .filter(|m| m.mention_type == MentionType::Org && m.entity_id.is_none())
                // Venues are where things happen: "stopped working at Lahore General Hospital",
                // "near the University of Karachi".
                .filter(|m| {
                    let mut words = m.text.split_whitespace();
                    let head_first = words.next().is_some_and(|w| {
                        is_venue_word(w)
                            || w.eq_ignore_ascii_case("the")
                                && words.next().is_some_and(is_venue_word)
                    }) && m.text.contains(" of ");
                    // ("in Lower Orakzai Agency": a tribal agency is a place.)
                    let tribal_agency = m.text.ends_with(" Agency")
                        && m.text
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| matches!(w, "Upper" | "Lower" | "Central"));
                    !head_first
                        && !tribal_agency
                        && !m.text.split_whitespace().last().is_some_and(is_venue_word)
                })
                .map(|m| (m.span.begin, m.span.end))
                .collect();
        for m in crate::pipeline::mentions_within(&ann.mentions, begin, end)
            .iter()
            .filter(|m| m.span.end <= end)
        {
            let Some(id) = m.entity_id.as_ref() else {
                continue;
            };
            match m.mention_type {
                MentionType::Loc => {
                    if let Some(p) = self.kb.place(id.as_str()) {
                        // "the Quetta–Karachi highway" names a road and "evacuated to CMH
                        // Quetta" a hospital: neither is where it happened.
                        let (mb, me) = (
                            cx.offsets.byte_of(m.span.begin),
                            cx.offsets.byte_of(m.span.end),
                        );
                        if names_elsewhere(&cx.doc.text, mb)
                            || names_a_numbered_village(&cx.doc.text, mb, me)
                        {
                            continue;
                        }
                        // "water from the Helmand river": the river, not the province.
                        let rest = cx.doc.text[me..].trim_start();
                        if rest
                            .get(..5)
                            .is_some_and(|w| w.eq_ignore_ascii_case("river"))
                        {
                            continue;
                        }
                        if names_a_road(&cx.doc.text, mb, me) {
                            road_places.push((m.span.begin, p, id.0.clone()));
                            continue;
                        }
                        // Datelines ("KABUL, Afghanistan (Jan. 10)") name where the story was
                        // filed, not where it happened: all-caps names in the first line.
                        let before_dateline = dateline_span
                            .is_some_and(|(_, de)| cx.offsets.byte_of(m.span.end) <= de);
                        let all_caps =
                            m.text.chars().all(|c| !c.is_lowercase()) && m.text.chars().count() > 2;
                        let dateline = before_dateline
                            || (all_caps && begin < 400)
                            // A later release in the same file: "KABUL, Afghanistan (Jan. 28,
                            // 2011) — …".
                            || (all_caps && opens_a_dateline(&cx.doc.text[me..]));
                        places.push(PlaceMention {
                            begin: m.span.begin,
                            end: m.span.end,
                            info: p,
                            id: id.0.clone(),
                            dateline,
                            side: names_an_organisation(&cx.doc.text, me)
                                || inside_a_longer(&org_spans, m.span.begin, m.span.end)
                                || names_a_destination(&cx.doc.text, mb),
                            in_after: in_after(&cx.doc.text[me..]),
                        });
                    }
                }
                _ => {
                    if let Some(a) = self.kb.actor(id.as_str()) {
                        // "A breakaway faction of the TTP", "a TTP splinter group": another
                        // group, not the one named.
                        let (mb, me) = (
                            cx.offsets.byte_of(m.span.begin),
                            cx.offsets.byte_of(m.span.end),
                        );
                        if is_armed_info(&a) && names_an_offshoot(&cx.doc.text, mb, me) {
                            continue;
                        }
                        // "a former Afghan army officer": someone who once served, not the
                        // force.
                        let before = cx.doc.text[..mb].trim_end();
                        if matches!(a.actor_type, ActorType::StateForces)
                            && (before.ends_with("former") || before.ends_with("retired"))
                        {
                            continue;
                        }
                        // "the Taliban's interior ministry said its forces arrested six ISKP
                        // members": the ministry speaks; the group is not the one detained.
                        if is_armed_info(&a) && names_its_office(&cx.doc.text[me..]) {
                            continue;
                        }
                        actors.push((m.span.begin, a, id.0.clone(), m.text.clone()));
                    }
                }
            }
        }
        // (Not a month read as a name: "Rehman Malik's December 25 allegations"; nor the paper
        // that reports the news, "…, reports The Express Tribune", "Deccan Chronicle reports":
        // it does not make it.)
        let reports_the_news = |m: &tessera_model::Mention| {
            let at = cx.offsets.byte_of(m.span.begin);
            let before = cx.doc.text[..at].trim_end();
            let before = before
                .strip_suffix("The")
                .or_else(|| before.strip_suffix("the"))
                .map_or(before, str::trim_end);
            let after = cx.doc.text[at..]
                .get(m.text.len()..)
                .unwrap_or("")
                .trim_start();
            before.ends_with("reports")
                || before.ends_with("reported")
                || before.ends_with("reported by")
                || after.starts_with("reports")
                || after.starts_with("reported")
        };
        let persons: Vec<String> = crate::pipeline::mentions_within(&ann.mentions, begin, end)
            .iter()
            .filter(|m| {
                m.span.end <= end
                    && m.mention_type == MentionType::Per
                    && !m.is_nominal()
                    && !crate::text::dates::is_calendar_word(&m.text.to_lowercase())
                    && !reports_the_news(m)
            })
            .map(|m| m.text.clone())
            .collect();
        let word_refs: Vec<&str> = words.iter().map(String::as_str).collect();
        // "…, police said.": a source told after the report is no party to it.
        let found_attribution = find_attribution(&toks, text);
        let trailing_source = found_attribution
            .as_ref()
            .map(|a| a.span)
            .filter(|&(b, e)| {
                text[..b].trim_end().ends_with(',')
                    && text[e..].chars().all(|c| !c.is_alphanumeric())
            });
        // "…, a Taliban spokesman said" (in 2024): the government whose spokesman reports
        // the event is no party to it. An armed group's word on an attack is its claim ("…,
        // the TTP said"), read as such.
        if let Some((b, e)) = trailing_source {
            let governs =
                reference.is_some_and(|d| d >= NaiveDate::from_ymd_opt(2021, 8, 15).expect("date"));
            actors.retain(|a| {
                let at = cx.offsets.byte_of(a.0) - bb;
                let a_group = is_armed_info(&a.1) && !(governs && a.2 == "actor:taliban");
                a_group || !(b..e).contains(&at)
            });
        }
        let mut generic: Vec<Role> = self
            .generic
            .find_all(&word_refs)
            .into_iter()
            .filter(|(k, _, _)| {
                trailing_source.is_none_or(|(b, e)| !(b..e).contains(&toks[*k].start))
            })
            .map(|(_, _, r)| r)
            .collect();
        generic.dedup();
        // The dateline dates the report, not the event: leave it out of the sentence's dates.
        let mut dates = find_dates(text, reference);
        // Headings repeat it ("Operational Update March 17, 2011 … (March 17, 2011)").
        if let Some((ds, de)) = dateline_span {
            dates.retain(|d| {
                let overlaps = bb + d.span.0 < de && ds < bb + d.span.1;
                // "In the early hours of 24 June 2025, terrorists attacked": the same day
                // said again as the event's own is not a heading.
                let said_of_event = {
                    // The last three bytes only: a copy of all before each date would make a
                    // sentence full of dates quadratic.
                    let before = text[..d.span.0].trim_end().as_bytes();
                    let tail = &before[before.len().saturating_sub(3)..];
                    tail.eq_ignore_ascii_case(b" on")
                        || tail.eq_ignore_ascii_case(b" of")
                        || before.eq_ignore_ascii_case(b"on")
                };
                let repeats = bb + d.span.0 < 600
                    && Some(d.start) == reference
                    && !said_of_event
                    && text[d.span.0..d.span.1].chars().any(|c| c.is_ascii_digit());
                !overlaps && !repeats
            });
        }
        // "a sub-commander who was preparing to conduct attacks during Saturday's election":
        // the date of a planned act, not of the event.
        dates.retain(|d| !dates_a_planned_act(&text[..d.span.0]));
        // "to arrest the militants who had killed two Rangers … on Sunday": the day of what
        // they had done.
        if let Some((a, _, end_at)) = other_deed
            && toks[a].lower == "who"
        {
            let from = toks[a].start;
            dates.retain(|d| !(from < d.span.0 && d.span.0 < end_at));
        }
        for d in dates.iter_mut() {
            d.span = (bb + d.span.0, bb + d.span.1);
        }
        let attribution = found_attribution.map(|a| (a.source, a.cue));
        // "…, the ISPR said": a press office speaks for the forces; it is no party. Nor is a
        // government whose spokesman speaks ("Zabihullah Mujahid, the Islamic Emirate's
        // spokesman, said Afghan forces had …"): its forces fight.
        if let Some((source, _)) = &attribution {
            actors.retain(|a| {
                !(source.contains(a.3.as_str())
                    && (["Public Relations", "Press", "Media"]
                        .iter()
                        .any(|w| a.1.name.contains(w))
                        || a.1.kind == tessera_model::EntityKind::Government
                            && ["spokesman", "spokesperson", "spokeswoman"]
                                .iter()
                                .any(|w| source.contains(w))))
            });
        }
        // "The Taliban administration has not commented on the killing", "the Press Club
        // condemned the killing": who reacts to an event is no party to it.
        if let Some(r) = (0..toks.len()).find(|&k| {
            let before = |n: usize| &words[k.saturating_sub(n)..k];
            match words[k].as_str() {
                "commented" | "comment" | "responded" | "respond" => before(3)
                    .iter()
                    .any(|w| matches!(w.as_str(), "not" | "declined" | "yet")),
                // (A condemnation of words is itself the event: "condemned the minister's
                // allegations".)
                "condemned" | "condemns" | "deplored" | "mourned" => {
                    words[k + 1..(k + 5).min(words.len())].iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "killing"
                                | "killings"
                                | "attack"
                                | "attacks"
                                | "bombing"
                                | "blast"
                                | "murder"
                                | "assassination"
                                | "massacre"
                        )
                    })
                }
                _ => false,
            }
        }) {
            let at = toks[r].start;
            let clause = (0..r)
                .rev()
                .find(|&k| matches!(words[k].as_str(), "," | ";" | ":" | "and" | "but"))
                .map_or(0, |k| toks[k].end);
            actors.retain(|a| {
                let p = cx.offsets.byte_of(a.0) - bb;
                !(clause..at).contains(&p)
            });
        }
        // "No one claimed responsibility, but the Islamic State group's affiliate has carried
        // out similar attacks in the past": a group's record names no suspect.
        // ("…, but ISKP has repeatedly targeted the Shia Hazara minority" too, unless the
        // sentence claims: "The TTP, which has repeatedly targeted polio teams, claimed the
        // attack".)
        let claims_it = words.iter().any(|w| w == "claimed" || w == "claiming")
            && !words
                .iter()
                .any(|w| matches!(w.as_str(), "no" | "nobody" | "not" | "none"));
        // "No group claimed responsibility for the attack, but the TTP has opposed vaccination
        // campaigns in the past": after a claim nobody made, a group's deeds are its record.
        let nobody_claimed = (1..words.len()).any(|k| {
            matches!(words[k].as_str(), "claimed" | "claiming")
                && words[k.saturating_sub(4)..k]
                    .iter()
                    .any(|x| matches!(x.as_str(), "no" | "nobody" | "none"))
        });
        if let Some(r) = (0..words.len().saturating_sub(2)).find(|&k| {
            similar_deeds_at(&words, k)
                || habit_at(&words, k) && !claims_it
                || nobody_claimed
                    && matches!(words[k].as_str(), "has" | "have")
                    && k >= 1
                    && !matches!(words[k - 1].as_str(), "which" | "who")
                    && words[..k].iter().any(|w| w == "but")
        }) && !words.iter().any(|w| {
            matches!(
                w.as_str(),
                "suspected" | "suspect" | "blamed" | "believed" | "behind" | "hallmarks"
            )
        }) {
            let at = toks[r].start;
            actors.retain(|a| !(is_armed_info(&a.1) && cx.offsets.byte_of(a.0) - bb < at));
        }
        let (certainty, _) = sentence_certainty(&toks);
        // "A breakaway Taliban group later claimed responsibility", "…, the TTP's splinter
        // group, claimed responsibility".
        // ("ISKP claimed the attack." points back to an attack told: its part. Not "claimed
        // the killing of a Taliban commander", whose deed is told only in the claim.)
        let speaks_of_its_part = (0..words.len()).any(|k| {
            (is_claim_or_denial(&words[k]) || words[k] == "claiming")
                && (words[k + 1..(k + 4).min(words.len())]
                    .iter()
                    .any(|x| matches!(x.as_str(), "responsibility" | "involvement" | "credit"))
                    || words.get(k + 1).is_some_and(|x| x == "the")
                        && words.get(k + 2).is_some_and(|x| {
                            matches!(
                                x.as_str(),
                                "attack"
                                    | "attacks"
                                    | "bombing"
                                    | "blast"
                                    // "The TTP later claimed the abduction in a statement".
                                    | "abduction"
                                    | "kidnapping"
                                    | "killing"
                                    | "killings"
                                    | "assassination"
                                    | "ambush"
                            )
                        })
                        && words.get(k + 3).is_none_or(|x| {
                            matches!(
                                x.as_str(),
                                "." | "," | ";" | "and" | "as" | "but" | "so" | "yet"
                            ) || x == "in" && words.get(k + 4).is_some_and(|y| y == "a")
                                // "claimed the bombing a day later", "… through its Amaq
                                // news agency".
                                || matches!(
                                    x.as_str(),
                                    "later" | "soon" | "shortly" | "through" | "via" | "within"
                                )
                                || words[k + 3..(k + 6).min(words.len())]
                                    .iter()
                                    .position(|y| y == "later")
                                    .is_some_and(|p| {
                                        words[k + 3..k + 3 + p].iter().all(|y| {
                                            matches!(
                                                y.as_str(),
                                                "a" | "day" | "days" | "hours" | "week" | "few"
                                                    | "two" | "three" | "several"
                                            )
                                        })
                                    })
                        }))
        });
        let event_denied = words.iter().enumerate().any(|(k, w)| {
            matches!(w.as_str(), "denied" | "denies" | "rejected" | "rejects")
                // "has neither confirmed nor denied that it carries out strikes".
                && (k == 0 || !matches!(words[k - 1].as_str(), "nor" | "not" | "never"))
                && words[k + 1..].iter().take(3).any(|x| {
                    matches!(
                        x.as_str(),
                        "that" | "accusations" | "allegations" | "reports" | "claim" | "claims"
                    )
                })
        });
        let account_rejected = words.iter().enumerate().any(|(k, w)| {
            matches!(
                w.as_str(),
                "denied" | "denies" | "rejected" | "rejects" | "dismissed" | "refuted"
            ) && (k.saturating_sub(6)..k).any(|j| {
                j >= 1
                    && matches!(words[j - 1].as_str(), "a" | "an" | ",")
                    // ("…, a charge the government denied", "…, which the military denied".)
                    && (names_an_account(&words[j]) || words[j] == "which")
            })
        });
        let first_words: Vec<&str> = words.iter().take(4).map(String::as_str).collect();
        // "In June, insurgents engaged the assault force …", "Last year, …": a sentence that
        // opens on a month, a week or a year tells another time than the day told before.
        let opens_on_another_time = toks.get(2).is_some_and(|t| {
            dates
                .iter()
                .any(|d| d.granularity != DateGranularity::Day && d.span.0 <= bb + t.start)
        });
        // "In the second, in Lakki Marwat, two terrorists were killed": the next of the
        // operations or incidents a summary counted.
        let next_of_several = matches!(
            first_words.as_slice(),
            [
                "in" | "during",
                "the",
                "second" | "third" | "fourth" | "other" | "latter",
                ..
            ]
        );
        let separate = opens_on_another_time
            || next_of_several
            || first_words.windows(2).any(|w| {
                matches!(
                    w,
                    ["in", "another"]
                        | ["in", "a"]
                        | ["separately", _]
                        | ["meanwhile", _]
                        | ["elsewhere", _]
                        | ["also", "in"]
                )
            }) && words.iter().take(6).any(|w| {
                matches!(
                    w.as_str(),
                    "another"
                        | "separate"
                        | "separately"
                        | "meanwhile"
                        | "elsewhere"
                        | "similar"
                        | "also"
                )
            });
        // The first act in the list's order that the sentence names.
        let verbal = self
            .verbal
            .find_all(&word_refs)
            .into_iter()
            .map(|(_, _, i)| i)
            .min()
            .map(|i| VERBAL_ACTS[i].1)
            // "vowed to carry out more bomb blasts": a pledge of violence threatens it.
            .or(violence_threatened.then_some("13"));
        // Responsibility and denial: an actor named just before "claimed" / "denied".
        let mut claimed_by = Vec::new();
        let mut denied_by = Vec::new();
        let mut by_agent = Vec::new();
        // Responsibility: the subject of "claimed" is the first actor named before it; a denial
        // belongs to the actor named nearest before "denied"; "by X" names an agent.
        // The token a mention (code point `pos`) starts at.
        // Tokens are in order: a binary search keeps a sentence full of names linear.
        let token_at = |pos: usize| {
            let b = cx.offsets.byte_of(pos) - bb;
            let i = toks.partition_point(|t| t.start < b);
            if i == toks.len() { 0 } else { i }
        };
        let actor_tok: Vec<(usize, &String)> = actors
            .iter()
            .map(|(pos, _, id, _)| (token_at(*pos), id))
            .collect();
        // "4 BLA members", "two TTP members": members of an armed group named inside the
        // counted phrase are fighters, not civilians.
        for c in casualties.iter_mut() {
            if c.role == Some(Role::Civilian)
                && matches!(c.head.as_deref(), Some("member" | "members"))
                && actor_tok.iter().any(|(t, id)| {
                    // ("six members of the Islamic State Khorasan Province".)
                    let of_the = |m: usize| {
                        words.get(m + 1).is_some_and(|w| w == "of")
                            && (*t == m + 2
                                || *t == m + 3 && words.get(m + 2).is_some_and(|w| w == "the"))
                    };
                    (*t > c.token
                        && *t < c.token + 4
                        && words[*t + 1..(*t + 3).min(words.len())]
                            .iter()
                            .any(|w| w == "member" || w == "members")
                        || (c.token..(c.token + 4).min(words.len())).any(|m| {
                            matches!(words[m].as_str(), "member" | "members") && of_the(m)
                        }))
                        && actors.iter().any(|a| &a.2 == *id && is_armed_info(&a.1))
                })
            {
                c.role = Some(Role::Armed);
            }
            // "A Frontier Reserve Police member was shot dead": a member of the forces.
            if c.role == Some(Role::Civilian)
                && matches!(c.head.as_deref(), Some("member" | "members"))
                && words[c.token..(c.token + 6).min(words.len())]
                    .iter()
                    .take_while(|w| !matches!(w.as_str(), "member" | "members"))
                    .any(|w| {
                        matches!(
                            w.as_str(),
                            "police"
                                | "levies"
                                | "army"
                                | "fc"
                                | "rangers"
                                | "paramilitary"
                                | "ctd"
                        )
                    })
            {
                c.role = Some(Role::State);
            }
            // "BYC chief Dr Mahrang Baloch", "PTI leader X": the chief of a party or of a
            // protest movement named before him is a civilian; a group's stays armed.
            if c.role == Some(Role::Armed)
                && matches!(
                    c.head.as_deref(),
                    Some("chief" | "chiefs" | "leader" | "leaders")
                )
                && actor_tok.iter().any(|(t, id)| {
                    // ("Baloch Yakjehti Committee leader Mahrang Baloch": the name's last
                    // word before the title.)
                    let title = (*t + 1..(*t + 5).min(words.len()))
                        .take_while(|&x| x == *t + 1 || toks[x - 1].is_capitalised())
                        .find(|&x| {
                            matches!(words[x].as_str(), "chief" | "chiefs" | "leader" | "leaders")
                        });
                    title.is_some_and(|x| x >= c.token && x < c.token + 4)
                        && actors.iter().any(|a| {
                            &a.2 == *id
                                && (a.1.kind == tessera_model::EntityKind::PoliticalParty
                                    || a.1.actor_type == ActorType::Protesters)
                        })
                })
            {
                c.role = Some(Role::Civilian);
            }
        }
        for (k, w) in words.iter().enumerate() {
            match w.as_str() {
                "claimed" if words.get(k + 1).map(String::as_str) == Some("by") => {
                    // "The attack was claimed by X"
                    if let Some((_, id)) = actor_tok
                        .iter()
                        .filter(|(t, _)| *t > k)
                        .min_by_key(|(t, _)| *t)
                        && !claimed_by.contains(*id)
                    {
                        claimed_by.push((*id).clone());
                    }
                }
                // "no outfit has claimed responsibility", "nobody has claimed": no claimant.
                "claimed" | "claiming" | "takes" | "took" | "accepted"
                    if (w == "claimed"
                        || w == "claiming"
                        || words.get(k + 1).map(String::as_str) == Some("responsibility"))
                        && !words[k.saturating_sub(4)..k].iter().any(|x| {
                            matches!(x.as_str(), "no" | "nobody" | "none" | "not" | "never")
                        })
                        && !claims_own_losses(&words[k + 1..(k + 12).min(words.len())]) =>
                {
                    if let Some((_, id)) = actor_tok
                        .iter()
                        .filter(|(t, _)| *t < k)
                        .min_by_key(|(t, _)| *t)
                        && !claimed_by.contains(*id)
                    {
                        claimed_by.push((*id).clone());
                    }
                }
                // "X denied …", and "X has no involvement / nothing to do with …".
                "denied" | "denies" | "rejects" | "rejected" | "no" | "nothing"
                    if !matches!(w.as_str(), "no" | "nothing")
                        || matches!(
                            words.get(k + 1).map(String::as_str),
                            Some("involvement" | "connection" | "role" | "hand" | "to")
                        ) =>
                {
                    // "…, a claim the military rejected": the one who rejects stands after the
                    // claim, not before it (the claimant).
                    let rebuttal = (k.saturating_sub(6)..k).rev().find(|&j| {
                        j >= 1
                            && matches!(words[j - 1].as_str(), "a" | "an" | ",")
                            && names_an_account(&words[j])
                    });
                    if let Some((_, id)) = actor_tok
                        .iter()
                        .filter(|(t, _)| *t < k && rebuttal.is_none_or(|j| *t > j))
                        .max_by_key(|(t, _)| *t)
                        && !denied_by.contains(*id)
                    {
                        denied_by.push((*id).clone());
                    }
                }
                _ => {}
            }
        }
        claimed_by.retain(|id| !denied_by.contains(id));
        // "The official blamed the Tehrik-i-Taliban Pakistan", "police held the BLA
        // responsible", "accused the TTP of": the first armed group named after the verb.
        let mut blamed = Vec::new();
        for (k, w) in words.iter().enumerate() {
            let cue = matches!(
                w.as_str(),
                "blamed" | "blames" | "blaming" | "accused" | "accuses"
            ) || (matches!(w.as_str(), "held" | "holds" | "holding")
                && words[k + 1..].iter().take(8).any(|x| x == "responsible"))
                // "investigations suggested the involvement of the BLF", "intelligence
                // reports pointed to a local TTP commander".
                || (w == "involvement" && words.get(k + 1).is_some_and(|x| x == "of"))
                || (w == "pointed"
                    && words
                        .get(k + 1)
                        .is_some_and(|x| x == "to" || x == "towards"));
            if !cue {
                continue;
            }
            if let Some((_, id)) = actor_tok
                .iter()
                .filter(|(t, id)| {
                    *t > k
                        && *t <= k + 8
                        && actors.iter().any(|a| &&a.2 == id && is_armed_info(&a.1))
                })
                .min_by_key(|(t, _)| *t)
                && !blamed.contains(*id)
                && !denied_by.contains(*id)
            {
                blamed.push((*id).clone());
            }
        }
        for (t, id) in &actor_tok {
            // "guarded by Levies personnel", "a checkpost manned by the FC", "a rally led by
            // the JI": who guards, mans or leads is not who struck.
            let not_the_act = *t >= 2
                && matches!(
                    words[*t - 2].as_str(),
                    "guarded"
                        | "protected"
                        | "escorted"
                        | "manned"
                        | "led"
                        | "headed"
                        | "owned"
                        | "run"
                        | "organised"
                        | "organized"
                        | "backed"
                        | "supported"
                        | "accompanied"
                        | "chaired"
                        | "commanded"
                        | "founded"
                );
            if *t > 0 && words[*t - 1] == "by" && !not_the_act {
                by_agent.push((*id).clone());
            }
        }
        // The other deed's places are that deed's ("two days after Tehran said it attacked
        // militant bases in Pakistan").
        // (Not a relative clause's: "arrested three men who had killed a shopkeeper in
        // Quetta" were most likely taken where they had struck.) Its actors are that deed's
        // either way ("to arrest the militants who had killed two Rangers").
        if let Some((a, end, _)) = other_deed {
            let relative = words[a] == "who";
            let inside = |t: usize| a < t && t < end;
            if !relative {
                places.retain(|p| !inside(token_at(p.begin)));
            }
            actors.retain(|x| !inside(token_at(x.0)));
        }
        // "Bannu's Jani Khel area": a place said to be another's that does not lie in it is a
        // namesake elsewhere (Jani Khel of Paktika), not the place meant; the owner stands.
        // ("Khyber district's Bagh area": the possessive on the place's last word.)
        let mut owners: Vec<(usize, PlaceInfo)> = places
            .iter()
            .filter_map(|p| {
                let last = token_at(p.end).saturating_sub(1).max(token_at(p.begin));
                words
                    .get(last)
                    .is_some_and(|w| w.ends_with("'s"))
                    .then(|| (last, p.info.clone()))
            })
            .collect();
        owners.sort_by_key(|(k, _)| *k);
        if !owners.is_empty() {
            places.retain(|q| {
                // (Owners sorted by token: a search, so that a run-on sentence full of
                // possessives stays linear; the first of one token, as in text order.)
                let t = token_at(q.begin);
                let Some(p) = t.checked_sub(1).and_then(|o| {
                    let i = owners.partition_point(|(k, _)| *k < o);
                    owners.get(i).filter(|(k, _)| *k == o).map(|(_, p)| p)
                }) else {
                    return true;
                };
                match p.level {
                    PlaceLevel::Country => q.info.country == p.country,
                    PlaceLevel::Admin1 => q.info.admin1 == p.admin1,
                    _ => q.info.admin2 == p.admin2 || q.info.admin1 == p.admin1,
                }
            });
        }
        // "in retaliation for Pakistani air strikes in Kabul and Paktika": where the wrong
        // avenged happened is not where this event did.
        places.retain(|p| {
            let t = token_at(p.begin);
            !(t.saturating_sub(10)..t).any(|c| {
                matches!(words[c].as_str(), "retaliation" | "revenge" | "response")
                    && words.get(c + 1).is_some_and(|w| w == "for" || w == "to")
            })
        });
        // "Tehran said it attacked …", "Kabul denied", "Pakistan carried out strikes inside
        // Iran": a capital or a country that speaks or acts is its government, and ranks
        // after the places where things happened (it still says whose word it is).
        let mut acting = vec![false; places.len()];
        for (p, acts) in places.iter().zip(acting.iter_mut()) {
            let t = token_at(p.begin);
            let next = token_at(p.end);
            // The clause's subject ("after Tehran said"), not a prepositional object
            // ("sources in New Delhi said") or a name's part ("the CIA Karachi said").
            let subject = t == 0
                || matches!(
                    words[t - 1].as_str(),
                    "," | "and"
                        | "after"
                        | "before"
                        | "while"
                        | "but"
                        | "as"
                        | "when"
                        | "that"
                        | "since"
                        | "because"
                        | "("
                        | "—"
                        | "-"
                        | ":"
                );
            let speaks = subject
                && next > t
                && words.get(next).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "said"
                            | "says"
                            | "denied"
                            | "denies"
                            | "accused"
                            | "accuses"
                            | "alleged"
                            | "alleges"
                            | "warned"
                            | "insisted"
                            | "rejected"
                            | "blamed"
                            | "carried"
                            | "conducted"
                            | "launched"
                            | "retaliated"
                            | "agreed"
                            | "signed"
                    )
                });
            // "talks mediated by Qatar", "Qatar's foreign ministry said": a country as the
            // go-between or as the office's owner is no place of the event.
            let mediator = t >= 2 && words[t - 1] == "by" && is_go_between_cue(&words[t - 2]);
            let office = p.info.level == PlaceLevel::Country
                && words[t].ends_with("'s")
                && words.get(next).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "foreign"
                            | "ministry"
                            | "government"
                            | "military"
                            | "army"
                            | "embassy"
                            | "defence"
                            | "defense"
                            | "interior"
                            | "information"
                            | "prime"
                            | "president"
                            | "ambassador"
                            | "envoy"
                            | "officials"
                            | "authorities"
                    )
                });
            // "accused Kabul of …", "urged Kabul to …": a capital or country spoken to or
            // of stands for its government too.
            let addressed = t >= 1
                && matches!(
                    words[t - 1].as_str(),
                    "accused" | "accuses" | "blamed" | "blames" | "urged" | "urges" | "asked"
                )
                && words
                    .get(next)
                    .is_some_and(|w| matches!(w.as_str(), "of" | "to" | "for"));
            *acts = speaks || mediator || office || addressed;
        }
        // "Pakistan and Afghanistan agreed": the first of two subjects acts too; "mediated
        // by Qatar and Turkey": so does the second go-between.
        let joined = |places: &[PlaceMention], k: usize| {
            let next = token_at(places[k - 1].end);
            words.get(next).is_some_and(|w| w == "and") && token_at(places[k].begin) == next + 1
        };
        for k in (1..places.len()).rev() {
            if acting[k] && joined(&places, k) {
                acting[k - 1] = true;
            }
        }
        for k in 1..places.len() {
            if acting[k - 1] && joined(&places, k) {
                acting[k] = true;
            }
        }
        for (p, acts) in places.iter_mut().zip(acting) {
            p.side |= acts;
        }

        // Places not where the event happened: where someone came from ("from Kunar
        // province", "from the Afghan side"), and what a protest is against, a place told with
        // the attack or killing it condemns ("rallies over the Youhanabad twin-church bombing …
        // in Sibi").
        let protest = triggers.contains(&Trigger::Protest);
        let grievance_nouns: Vec<usize> = (0..words.len())
            .filter(|&k| protest && is_grievance_noun(&words[k]))
            .collect();
        for p in places.iter_mut() {
            let t = token_at(p.begin);
            let from = (t >= 1 && words[t - 1] == "from")
                || (t >= 2 && words[t - 2] == "from" && words[t - 1] == "the")
                // The other end of a journey: "a van on its way from Quetta to Loralai".
                || (t >= 2
                    && words[t - 1] == "to"
                    && words[t.saturating_sub(6)..t - 1].iter().any(|w| w == "from"));
            // Only the grievance nouns from six words before to three after can count.
            let near_nouns = &grievance_nouns[grievance_nouns.partition_point(|&n| n + 6 < t)..];
            let grievance = near_nouns.iter().take_while(|&&n| n <= t + 3).any(|&n| {
                let near = (t > n && t - n <= 6) || (t < n && n - t <= 3);
                let first = n.min(t);
                near && (first.saturating_sub(8)..first).any(|c| turns_to_a_grievance(&words, c))
            });
            p.side = p.side || from || grievance;
        }
        // A place that only locates such a place is as much aside ("from Kunar province in
        // Afghanistan").
        for k in 1..places.len() {
            let (a, b) = (token_at(places[k - 1].end), token_at(places[k].begin));
            // (Only in the same country: "infiltrate from Afghanistan in North Waziristan's
            // Hassan Khel area" says where they were stopped.)
            if places[k - 1].side
                && places[k - 1].info.country == places[k].info.country
                && a <= b
                && b - a <= 3
                && words[a..b].iter().all(|w| {
                    matches!(
                        w.as_str(),
                        "in" | "," | "of" | "the" | "province" | "district" | "agency" | "area"
                    )
                })
            {
                places[k].side = true;
            }
        }
        // "in Naray Baba of Tirah Valley in Khyber Agency": a town or district said to lie in a
        // place of another province is a namesake (Nari of Kunar), not the place meant.
        let provinces_differ = places
            .iter()
            .any(|p| p.info.admin1 != places[0].info.admin1);
        let contradicted: Vec<usize> = places
            .iter()
            .filter(|_| provinces_differ)
            .filter(|p| matches!(p.info.level, PlaceLevel::Populated | PlaceLevel::Admin2))
            .filter(|p| {
                // The first place after this one (places are in text order).
                let Some(q) = places.get(places.partition_point(|q| q.begin < p.end)) else {
                    return false;
                };
                let from = token_at(p.end).min(words.len());
                let between = &words[from..token_at(q.begin).clamp(from, words.len())];
                q.info.level != PlaceLevel::Country
                    && q.info.admin1.is_some()
                    && p.info.admin1.is_some()
                    && q.info.admin1 != p.info.admin1
                    && between.len() <= 6
                    && between.iter().any(|w| w == "of" || w == "in")
                    && !between.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "and" | "or" | "to" | "from" | "," | ";" | "." | "&"
                        )
                    })
            })
            .map(|p| p.begin)
            .collect();
        places.retain(|p| contradicted.binary_search(&p.begin).is_err());
        // "in Taunsa, near Lahore": a town said to be near a place far from the town of that
        // name in the gazetteer is a namesake; the place it is near is what the text knows.
        let far_from_near: Vec<usize> = places
            .iter()
            .zip(places.iter().skip(1))
            .filter(|(p, _)| p.info.level == PlaceLevel::Populated)
            .filter(|(p, q)| {
                let (from, to) = (token_at(p.end).min(words.len()), token_at(q.begin));
                q.begin > p.end
                    && to >= from
                    && to - from <= 2
                    && words[from..to].iter().any(|w| w == "near")
                    && words[from..to].iter().all(|w| w == "near" || w == ",")
                    && q.info.level != PlaceLevel::Country
                    && tessera_model::km_between((p.info.lat, p.info.lon), (q.info.lat, q.info.lon))
                        > 60.0
            })
            .map(|(p, _)| p.begin)
            .collect();
        // In the places' order: a binary search keeps a sentence full of names linear.
        places.retain(|p| far_from_near.binary_search(&p.begin).is_err());
        // "Dadu residents protested outside the Hyderabad press club": a protest is held at
        // its venue; where the protesters come from gives way to it.
        if protest
            && let Some(venue) = places
                .iter()
                .position(|p| names_a_press_club(&cx.doc.text, cx.offsets.byte_of(p.end)))
        {
            for (k, p) in places.iter_mut().enumerate() {
                p.side = k != venue;
            }
        }
        // (Not "near a madrassa in Darra Adamkhel", "near his office in Turbat", "near the
        // Ministry of Urban Development in Kabul": a spot in the town named after it; but
        // "near the town of Jani Khel in Bannu" is near a town.)
        let near = words.iter().enumerate().any(|(k, w)| {
            let spot = |x: &str| {
                !matches!(
                    x,
                    "town" | "village" | "city" | "border" | "frontier" | "outskirts" | "line"
                )
            };
            w == "outskirts"
                || w == "vicinity"
                || w == "near"
                    && !(words.get(k + 1).is_some_and(|x| {
                        matches!(
                            x.as_str(),
                            "a" | "an" | "his" | "her" | "their" | "its" | "the"
                        )
                    }) && words[k + 2..(k + 8).min(words.len())]
                        .iter()
                        .take_while(|x| spot(x))
                        .any(|x| x == "in"))
        });
        let several = |k: usize| {
            words[k.saturating_sub(4)..k].iter().any(|x| {
                matches!(
                    x.as_str(),
                    "separate" | "several" | "multiple" | "joint" | "various" | "numerous"
                ) || crate::text::numbers::word_value(x).is_some_and(|n| n >= 2)
            })
        };
        // "during separate clearing and security operations".
        let sums_operations = words
            .iter()
            .enumerate()
            .any(|(k, w)| matches!(w.as_str(), "operations" | "raids") && several(k));
        // "in two separate incidents in Nangarhar and Kunar", "in separate attacks" (not "two
        // consecutive blasts", one attack).
        let sums_incidents = words.iter().enumerate().any(|(k, w)| {
            w == "incidents" && several(k)
                || w == "attacks"
                    && words[k.saturating_sub(2)..k]
                        .iter()
                        .any(|x| matches!(x.as_str(), "separate" | "different"))
        });
        // (Only where the incident words are plural ones, "in operations", "in sectarian
        // attacks", or tell only the harm, "were killed": "shot dead a journalist … the
        // fourth killed this year" tells an incident.)
        let period_tally = found_triggers.iter().all(|(_, b)| {
            token_starting_at(&toks, *b).is_some_and(|k| {
                matches!(
                    toks[k].lower.as_ref(),
                    "killed" | "injured" | "wounded" | "dead" | "died" | "martyred" | "arrested"
                ) || (k..(k + 3).min(toks.len())).any(|j| {
                    is_plural_incident_word(&toks[j].lower)
                        || matches!(toks[j].lower.as_ref(), "operations" | "raids")
                })
                    // A named campaign ("the operation Zarb e Azb", "Operation Rah-e-Rast"),
                    // or "while fighting": no one incident.
                    || toks[k].lower == "operation"
                        && toks.get(k + 1).is_some_and(|t| t.is_capitalised())
                    || k >= 1 && toks[k - 1].lower == "operation" && toks[k].is_capitalised()
                    || toks[k].lower == "fighting"
                        && k >= 1
                        && matches!(toks[k - 1].lower.as_ref(), "while" | "in")
            })
        }) && tallies_a_period(&words, &casualties);
        let heading = toks
            .iter()
            .filter(|t| t.text.len() > 3 && t.text.starts_with(char::is_alphabetic))
            .all(|t| t.is_capitalised());
        // The police are named in the sentence, not only as the source told after it ("…,
        // killing three soldiers, the police said").
        let police_said = toks.iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "police" | "policemen" | "policeman" | "constable" | "cop" | "cops" | "ctd"
            ) && trailing_source.is_none_or(|(b, e)| !(b..e).contains(&t.start))
        });
        // A date a few words after the abduction's verb is when it took place. (Dates are in
        // text order: a search, not a scan, so that a run-on sentence stays linear.)
        let abducted_on = found_triggers
            .iter()
            .filter(|(t, _)| *t == Trigger::Abduction)
            .find_map(|(_, b)| {
                let at = bb + *b;
                // ("who had been abducted from Kabul Khel in Lakki Marwat in January": further
                // within the clause.)
                dates
                    .get(dates.partition_point(|d| d.span.0 <= at))
                    .filter(|d| {
                        d.span.0 - at <= 40
                            || d.span.0 - at <= 64
                                && !cx.doc.text[at..d.span.0].contains([',', ';'])
                    })
                    .copied()
            });
        SentenceFacts {
            police_said,
            abducted_on,
            begin,
            end,
            triggers,
            casualties,
            places,
            road_places,
            actors,
            generic,
            persons,
            dates,
            attribution,
            anchors,
            certainty,
            event_denied,
            account_rejected,
            speaks_of_its_part,
            words,
            separate,
            verbal,
            violence_threatened,
            threat_cue: threat_at.is_some(),
            claimed_by,
            denied_by,
            blamed,
            by_agent,
            near,
            sums_operations,
            sums_incidents,
            period_tally,
            heading,
        }
    }
}

/// The place an event happened at among the sentences' places: the most specific level,
/// dropping towns and districts that contradict a province named alongside ("Chak district,
/// Wardak province" is not the Chak of Sindh), nearest to the event's words. With
/// `skip_dateline` the places of a dateline are left out.
/// Whether the place at `b..e` is part of a road's name: "Quetta–Karachi highway",
/// "the Zhob–Dera Ismail Khan road", "Bannu Road".
fn names_a_road(text: &str, b: usize, e: usize) -> bool {
    const ROADS: &[&str] = &["highway", "road", "motorway", "expressway", "bypass"];
    let is_dash = |c: char| matches!(c, '-' | '–' | '—');
    let after: Vec<&str> = text[e..]
        .split(|c: char| c.is_whitespace() || is_dash(c))
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    // The road word right after, or after the other end's name ("–Karachi highway"), or
    // after the names of the towns on its way ("the Gwadar Turbat Reto Dero national
    // highway").
    let joined = text[e..].starts_with(is_dash);
    let mut towns = 0;
    for (i, w) in after.iter().enumerate() {
        let lower = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if ROADS.contains(&lower.as_str()) {
            return i == 0 || joined || towns >= 2;
        }
        if matches!(lower.as_str(), "national" | "coastal") && towns >= 2 {
            continue;
        }
        if !(w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic))
        {
            break;
        }
        towns += 1;
    }
    let after = &after[..after.len().min(4)];
    // The second end of a road: "Quetta–Karachi highway" seen from Karachi.
    if text[..b].ends_with(is_dash) {
        return after.first().is_some_and(|w| {
            ROADS.contains(
                &w.to_lowercase()
                    .trim_matches(|c: char| !c.is_alphanumeric()),
            )
        });
    }
    false
}

/// Whether the place at bytes `b..e` is the word for a numbered village ("residents of Chak
/// 321/GB", "Chak No. 5") rather than the town of that name.
fn names_a_numbered_village(text: &str, b: usize, e: usize) -> bool {
    let rest = text[e..].trim_start();
    text[b..e].eq_ignore_ascii_case("chak")
        && (rest.starts_with(|c: char| c.is_ascii_digit()) || rest.starts_with("No"))
}

/// Whether the place ending at byte `e` begins the name of an organisation ("the Hyderabad
/// Electric Supply Company", "Kohistan Bachayo Action Committee"): a capitalised name run
/// after it holds an organisation's word. Venues (courts, clubs, universities) are not among
/// them: protests are held there.
fn names_an_organisation(text: &str, e: usize) -> bool {
    const ORG_WORDS: &[&str] = &[
        "electric",
        "supply",
        "company",
        "corporation",
        "committee",
        "council",
        "board",
        "association",
        "union",
        "chamber",
        "movement",
        "party",
        "authority",
        "forum",
        "alliance",
        "federation",
        "tehreek",
        "ittehad",
    ];
    text[e..]
        .split_whitespace()
        .take(4)
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .any(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            ORG_WORDS.contains(&w.as_str())
        })
}

/// Whether `begin..end` lies inside a longer one of `spans` (sorted by start, as mentions
/// are): the two spans starting last at or before `begin` are checked, by binary search, so a
/// long sentence full of names stays linear.
fn inside_a_longer(spans: &[(usize, usize)], begin: usize, end: usize) -> bool {
    let upto = spans.partition_point(|s| s.0 <= begin);
    spans[upto.saturating_sub(2)..upto]
        .iter()
        .any(|&(ob, oe)| ob <= begin && end <= oe && oe - ob > end - begin)
}

/// The text just before byte `b`: its last `n` characters and one more (fewer at the
/// start), so that a look back stays short whatever the document's length.
fn text_before(text: &str, b: usize, n: usize) -> &str {
    let start = text[..b].char_indices().rev().nth(n).map_or(0, |(i, _)| i);
    &text[start..b]
}

/// Whether the group named at bytes `b..e` is named only as the parent of an offshoot: "a
/// breakaway faction of the TTP", "a breakaway Taliban group", "a TTP splinter group".
fn names_an_offshoot(text: &str, b: usize, e: usize) -> bool {
    const OFFSHOOT: &[&str] = &["breakaway", "splinter", "dissident"];
    let is_offshoot = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        OFFSHOOT.iter().any(|o| o.eq_ignore_ascii_case(w))
    };
    text_before(text, b, 40)
        .split_whitespace()
        .rev()
        .take(4)
        .any(is_offshoot)
        || text[e..].split_whitespace().next().is_some_and(is_offshoot)
}

/// Whether a date told right after `before` (the sentence up to it) dates a planned act: a
/// cue of intent ("preparing to", "planning to") opens the phrase the date ends, with no
/// clause break or finite verb of the main clause between ("… planning to attack a checkpost
/// were killed on Monday" dates the killing).
fn dates_a_planned_act(before: &str) -> bool {
    const INTENT: &[&str] = &[
        "preparing to",
        "planning to",
        "plotting to",
        "planned to",
        "intending to",
        "intended to",
        "threatened to",
    ];
    // Every cue ends in " to": without one before it, a date dates no planned act.
    if !before
        .as_bytes()
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b" to"))
    {
        return false;
    }
    // Twenty words back at most.
    let start = before
        .char_indices()
        .rev()
        .filter(|(_, c)| c.is_whitespace())
        .nth(20)
        .map_or(0, |(i, _)| i);
    let window = before[start..].to_ascii_lowercase();
    let Some(cue_end) = INTENT
        .iter()
        .filter_map(|c| window.rfind(c).map(|i| i + c.len()))
        .max()
    else {
        return false;
    };
    let between = &window[cue_end..];
    !between.contains([',', ';'])
        && !between.split_whitespace().any(|w| {
            matches!(
                w,
                "was" | "were" | "is" | "are" | "killed" | "arrested" | "detained" | "captured"
            )
        })
}

/// Whether `w` (any case) heads the name of a venue, where events happen ("Lahore General
/// Hospital", "the Peshawar High Court"), rather than of an organisation.
fn is_venue_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "hospital"
            | "university"
            | "college"
            | "school"
            | "court"
            | "jail"
            | "prison"
            | "club"
            | "mosque"
            | "stadium"
            | "airport"
            | "assembly"
            | "market"
            | "bazaar"
            | "chowk"
    )
}

/// Whether the place ending at byte `e` names a press club ("the Hyderabad press club",
/// "Quetta Press Club"), where protests are held.
fn names_a_press_club(text: &str, e: usize) -> bool {
    let rest = text[e..].trim_start();
    rest.get(..10)
        .is_some_and(|w| w.eq_ignore_ascii_case("press club"))
}

/// Whether the place starting at byte `b` is where someone or something was bound ("halting
/// train services to Quetta", "a bus bound for Karachi", "on their way to Peshawar"): a
/// weak guess at where it happened, beside a place named as where.
fn names_a_destination(text: &str, b: usize) -> bool {
    const CUES: &[&str] = &[
        "services to",
        "service to",
        "trains to",
        "traffic to",
        "supply to",
        "supplies to",
        "bound for",
        "en route to",
        "way to",
        "heading to",
        "heading for",
        "headed to",
        "headed for",
        "travelling to",
        "traveling to",
        "flights to",
    ];
    let before = text_before(text, b, 24).trim_end().to_lowercase();
    let before = before.strip_suffix(" the").unwrap_or(&before);
    CUES.iter().any(|c| before.ends_with(c))
}

/// Whether the words just before a place send it elsewhere: a hospital the wounded were taken
/// to ("evacuated to CMH Quetta", "Lady Reading Hospital in Peshawar") or the ends of a road
/// ("the highway linking Quetta and Karachi").
fn names_elsewhere(text: &str, b: usize) -> bool {
    // Where the wounded were taken (not a hospital as such: protests at hospitals happen
    // there), and the ends of a road.
    const TAKEN: &[&str] = &[
        "evacuated to",
        "shifted to",
        "rushed to",
        "taken to",
        "referred to",
        "moved to",
        "airlifted to",
        // A soldier's home: "Sepoy X (age 24, resident of District Karak)".
        "resident of",
        "native of",
    ];
    const ROADS: &[&str] = &[
        "highway linking",
        "road linking",
        "highway connecting",
        "road connecting",
    ];
    let before = text_before(text, b, 40).to_lowercase();
    // Only the clause the place is in: a full stop ends the window.
    let before = before.rsplit(['.', ';']).next().unwrap_or("");
    // "… linking Quetta and Karachi in Mastung": a locative after a road cue brings it back.
    TAKEN.iter().any(|c| before.contains(c))
        || ROADS.iter().any(|c| {
            before.rfind(c).is_some_and(|i| {
                let rest = &before[i + c.len()..];
                ![" in ", " near ", " at "].iter().any(|l| rest.contains(l))
            })
        })
}

/// Whether a date is told of the report rather than the event: right next to a reporting
/// verb ("forces confirmed yesterday the death … Wednesday", "yesterday confirmed the arrest
/// … Oct. 19", "said on Monday that … on Saturday").
fn dates_the_report(text: &str, span: (usize, usize)) -> bool {
    const REPORTING: &[&str] = &[
        "confirmed",
        "confirms",
        "announced",
        "announces",
        "said",
        "says",
        "reported",
        "reports",
        "stated",
        "released",
        "told",
        "claimed",
        "denied",
        "added",
    ];
    let (Some(before), Some(after)) = (text.get(..span.0), text.get(span.1..)) else {
        return false;
    };
    let word = |w: Option<&str>| {
        w.map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .is_some_and(|w| REPORTING.contains(&w.as_str()))
    };
    // ("said on Monday that …": the verb may stand before "on".)
    let mut back = before.split_whitespace().rev();
    let last = back.next();
    word(last)
        || last.is_some_and(|w| w.eq_ignore_ascii_case("on")) && word(back.next())
        || word(after.split_whitespace().next())
}

/// Whether the text `before` a name ends by introducing a go-between: "mediated by ", "talks
/// brokered by Qatar and ".
fn names_a_go_between(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    let mut last = words.next();
    // Past the first of two go-betweens: "by Qatar and".
    if last == Some("and") {
        let _first = words.next();
        last = words.next();
    }
    last == Some("by") && words.next().is_some_and(is_go_between_cue)
}

/// The participle before "by" that names a go-between: "talks mediated by Qatar".
fn is_go_between_cue(w: &str) -> bool {
    matches!(w, "mediated" | "brokered" | "hosted" | "facilitated")
}

/// Whether the sentence ending in `before` has turned to a protest's grievance: "against",
/// "over", "to protest the", "condemn…". Looks back at most 300 bytes, to the sentence's start.
fn tells_a_grievance(before: &str) -> bool {
    let mut from = before.len().saturating_sub(300);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before[from..];
    let sentence = tail.rfind(". ").map_or(tail, |k| &tail[k + 2..]);
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    (0..words.len()).any(|i| turns_to_a_grievance(&words, i))
}

/// Whether lower-case word `i` turns to what a protest is against: a grievance cue, or
/// "protest the …" ("boycotted courts to protest the killing of a colleague").
fn turns_to_a_grievance(words: &[String], i: usize) -> bool {
    is_grievance_cue(&words[i])
        && !(words[i] == "over" && words.get(i + 1).is_some_and(|w| is_figure(w)))
        || matches!(words[i].as_str(), "protest" | "protested" | "protesting")
            && words.get(i + 1).is_some_and(|n| n == "the")
}

/// Whether a date is told of some other event than the one at hand: one named by it ("the
/// July 2 attack", "the July 2 vehicle-borne IED attack", "Saturday's election"), one someone
/// is held responsible for ("responsible for an attack Jan. 7"), or the start of a campaign
/// ("its 60th leader since Oct. 1").
fn dates_another_event(text: &str, span: (usize, usize)) -> bool {
    const EVENTS: &[&str] = &[
        "attack",
        "attacks",
        "bombing",
        "bombings",
        "blast",
        "blasts",
        "explosion",
        "ambush",
        "assault",
        "raid",
        "shooting",
        "killing",
        "killings",
        "incident",
        "election",
        "elections",
        "massacre",
        "kidnapping",
        "abduction",
    ];
    let (Some(before), Some(after)) = (text.get(..span.0), text.get(span.1..)) else {
        return false;
    };
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    let before_words: Vec<String> = before.split_whitespace().rev().take(4).map(word).collect();
    let prev = before_words.first().cloned();
    if prev.as_deref() == Some("since") {
        return true;
    }
    // "a Taliban leader responsible for an attack Jan. 7": the date of what he is held
    // responsible for.
    if prev.as_deref().is_some_and(|w| EVENTS.contains(&w))
        && before_words[1..]
            .iter()
            .any(|w| w == "for" || w == "behind")
    {
        return true;
    }
    // "Saturday's election", "the July 2 … attack": the date names an event by a noun within
    // a few words after it.
    let possessive = after.starts_with("'s ") || after.starts_with("’s ");
    let names_event = if possessive {
        after[after.find(' ').unwrap_or(0)..]
            .split_whitespace()
            .take(3)
            .any(|w| EVENTS.contains(&word(w).as_str()))
    } else {
        prev.as_deref() == Some("the")
            && after
                .split_whitespace()
                .take(4)
                .take_while(|w| !w.ends_with([',', '.', ';']))
                .any(|w| EVENTS.contains(&word(w).as_str()))
    };
    // Only an event something is tied to ("connected to the July 2 attack", "during
    // Saturday's election") is another: "the death toll from Tuesday's bombing rose" is told
    // of that bombing.
    let np_before = if possessive {
        &before_words[..]
    } else {
        &before_words[1.min(before_words.len())..]
    };
    // "involvement in the January 15, 2012 bomb blast", "in connection with the July 2 attack".
    let tied_by_phrase = matches!(
        (
            np_before.first().map(String::as_str),
            np_before.get(1).map(String::as_str)
        ),
        (
            Some("in"),
            Some("involvement" | "involved" | "suspect" | "suspects" | "accused" | "role")
        ) | (Some("with"), Some("connection"))
            // "refused to bury the victims of Tuesday's bombing", "in the aftermath of …".
            | (Some("of"), Some("victims" | "aftermath" | "wake" | "anniversary"))
    );
    names_event
        && (tied_by_phrase
            || np_before.iter().take(2).any(|w| {
                matches!(
                    w.as_str(),
                    "to" | "for" | "behind" | "after" | "during" | "before"
                )
            }))
}

/// Whether a weekday's possessive names the event someone is held to be behind or blamed
/// for ("the TTP was behind Friday's bombing …, which killed three policemen"): in a report
/// of that violence, the event's own day.
fn blamed_for_a_weekdays_event(text: &str, span: (usize, usize)) -> bool {
    let (Some(before), Some(told), Some(after)) = (
        text.get(..span.0),
        text.get(span.0..span.1),
        text.get(span.1..),
    ) else {
        return false;
    };
    let weekday = told
        .split_whitespace()
        .last()
        .is_some_and(|w| w.parse::<chrono::Weekday>().is_ok());
    weekday
        && (after.starts_with("'s ") || after.starts_with("’s "))
        && before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "behind" | "for"))
}

/// Nouns for the violence a protest condemns.
fn is_grievance_noun(w: &str) -> bool {
    matches!(
        w,
        "attack"
            | "attacks"
            | "blast"
            | "blasts"
            | "bombing"
            | "bombings"
            | "tragedy"
            | "incident"
            | "killing"
            | "killings"
            | "murder"
            | "massacre"
            | "atrocities"
            | "carnage"
            | "explosion"
            | "assassination"
            | "operation"
            // "rallied … to condemn the Pakistani air strikes".
            | "strikes"
            | "airstrikes"
            | "shelling"
            | "bombardment"
            | "drone"
    )
}

/// Words that introduce what a protest is against.
fn is_grievance_cue(w: &str) -> bool {
    matches!(
        w,
        "against"
            | "condemn"
            | "condemned"
            | "condemning"
            | "over"
            | "mark"
            | "marking"
            | "mourn"
            | "mourning"
            | "denounce"
            | "denouncing"
            // "refused to bury the victims of Tuesday's bombing and staged a sit-in".
            | "victims"
            | "bury"
            // "staged a sit-in with the body of a young man who was killed …".
            | "body"
            | "bodies"
    )
}

/// Whether `w` (lower case) is a figure: "50", "dozens", "two".
fn is_figure(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            w,
            "a" | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "dozen"
                | "dozens"
                | "hundred"
                | "hundreds"
                | "thousand"
                | "thousands"
                | "scores"
        )
}

/// Words for a fight between two sides ("clashed", "a gunbattle", "a brawl").
/// Whether a fight word stands in the sentence, or "gun battle" ("a gun battle between
/// members of rival political parties").
fn tells_a_fight(words: &[String]) -> bool {
    words.iter().any(|w| is_fight_word(w))
        || words.windows(2).any(|x| x[0] == "gun" && x[1] == "battle")
}

fn is_fight_word(w: &str) -> bool {
    matches!(
        w,
        "clash" | "clashes" | "clashed" | "gunbattle" | "scuffle" | "brawl"
    )
}

/// A clash between crowds rather than armed men: "two PML-N groups clashed", "a clash broke
/// out between PTI and PML-N supporters", "clash between two groups of students". No armed
/// group, gunmen or security forces are named.
fn is_crowd_clash(f: &SentenceFacts) -> bool {
    let w = &f.words;
    // "a clash broke out between PPP and Shirazi group": a party's people are a crowd.
    let party_named = f
        .actors
        .iter()
        .any(|a| a.1.kind == tessera_model::EntityKind::PoliticalParty);
    (tells_a_fight(w) || w.iter().any(|x| x == "clashing"))
        && (party_named
            || w.iter().any(|x| {
                matches!(
                    x.as_str(),
                    "workers"
                        | "supporters"
                        | "activists"
                        | "students"
                        | "groups"
                        | "factions"
                        | "rival"
                        | "parties"
                        | "shopkeepers"
                        | "traders"
                        | "employees"
                )
            }))
        && !f
            .generic
            .iter()
            .any(|r| matches!(r, Role::Armed | Role::State))
        && !f
            .actors
            .iter()
            .any(|a| is_armed_info(&a.1) || matches!(a.1.actor_type, ActorType::StateForces))
        && !w.iter().any(|x| {
            matches!(
                x.as_str(),
                "militants" | "gunmen" | "police" | "troops" | "forces"
            )
        })
}

/// Whether police move to break up a gathering, with no weapon but firing told: "launched an
/// operation to disperse TLP workers camped in Muridke", "tried to disperse the crowd". A
/// gathering broken up is a protest, whoever was hurt.
fn disperses_a_crowd(f: &SentenceFacts) -> bool {
    let w = &f.words;
    w.windows(3).any(|x| {
        matches!(x[0].as_str(), "disperse" | "dispersed" | "dispersing")
            && x[1..].iter().any(|n| {
                matches!(
                    n.as_str(),
                    "workers"
                        | "supporters"
                        | "activists"
                        | "students"
                        | "crowd"
                        | "crowds"
                        | "mob"
                        | "gathering"
                        | "participants"
                        | "demonstrators"
                        | "protesters"
                        | "protestors"
                )
            })
    }) && only_crowd_triggers(f)
}

/// Whether protesters are told fighting: "clashes between Rangers and protesters", "protesters
/// clashed with police". A riot, not a battle.
fn protesters_fight(f: &SentenceFacts) -> bool {
    f.words.iter().any(|w| {
        matches!(
            w.as_str(),
            "protesters" | "protestors" | "demonstrators" | "marchers"
        )
    }) && f.words.iter().any(|w| is_fight_word(w) || w == "clashing")
        && only_crowd_triggers(f)
}

/// Whether a sentence's triggers are all of a crowd's fight (or the police's moves against
/// one), with no armed group in it.
fn only_crowd_triggers(f: &SentenceFacts) -> bool {
    f.triggers.iter().all(|t| {
        matches!(
            t,
            Trigger::Attack
                | Trigger::Clash
                | Trigger::Operation
                | Trigger::Protest
                | Trigger::Riot
        )
    }) && !f.generic.contains(&Role::Armed)
        && !f.actors.iter().any(|a| is_armed_info(&a.1))
}

/// Whether armed men who are not the crowd fall on a protest: "gunmen opened fire on a protest
/// rally", "unidentified men attacked a PTI rally", "the protest camp was attacked by unknown
/// men" (not "police attacked the protesters", nor "protesters attacked a police station").
fn crowd_attacked_by_others(words: &[String]) -> bool {
    let crowd = |w: &str| {
        matches!(
            w,
            "rally"
                | "protest"
                | "protesters"
                | "protestors"
                | "demonstrators"
                | "demonstration"
                | "procession"
                | "camp"
                | "sit-in"
                | "march"
                | "marchers"
                | "gathering"
                | "participants"
                | "mourners"
        )
    };
    let attacker = |w: &str| {
        matches!(
            w,
            "gunmen"
                | "attackers"
                | "assailants"
                | "militants"
                | "terrorists"
                | "miscreants"
                | "armed"
                | "unknown"
                | "unidentified"
                | "masked"
        )
    };
    let state = |w: &str| is_forces_word(w) || matches!(w, "government" | "administration");
    let at = |k: usize| words.get(k).map_or("", String::as_str);
    (0..words.len()).any(|k| {
        let verb = match (at(k), at(k + 1)) {
            ("attacked" | "assaulted" | "stormed", _) => Some(k + 1),
            ("opened", "fire") => Some(k + 2),
            ("fired", "at" | "on" | "upon") => Some(k + 2),
            _ => None,
        };
        let Some(object) = verb else {
            return false;
        };
        // Passive: "the protest camp was attacked by unknown men".
        if k >= 2 && matches!(at(k - 1), "was" | "were") && at(k + 1) == "by" {
            let by = &words[k + 2..(k + 6).min(words.len())];
            return words[k.saturating_sub(4)..k - 1].iter().any(|w| crowd(w))
                && !by.iter().any(|w| state(w) || crowd(w));
        }
        // Active: the nearest side before the verb is the armed men's, and the crowd is what
        // they fell on.
        let side = words[k.saturating_sub(6)..k].iter().rev().find_map(|w| {
            if attacker(w) {
                Some(true)
            } else if state(w) || crowd(w) || matches!(w.as_str(), "workers" | "activists") {
                Some(false)
            } else {
                None
            }
        });
        side == Some(true)
            && words[object..(object + 5).min(words.len())]
                .iter()
                .any(|w| crowd(w))
    })
}

/// Whether a sentence tells only of burning ("torched", "set ablaze", "set fire to"), with
/// nobody hurt and no attack or fire told: the destruction of property.
fn only_burns_property(f: &SentenceFacts) -> bool {
    let w = &f.words;
    let at = |k: usize| w.get(k).map_or("", String::as_str);
    // Where the burning is told, and where its object starts (after "set fire to", "set on
    // fire", "set ablaze", "torched").
    let Some((set, after)) = (0..w.len()).find_map(|k| match (at(k), at(k + 1), at(k + 2)) {
        ("set", "fire", "to") => Some((k, k + 3)),
        ("set", "on", "fire") => Some((k, k + 3)),
        ("set", "ablaze" | "fire", _) => Some((k, k + 2)),
        ("torched", _, _) => Some((k, k + 1)),
        // "set a girls' school on fire".
        ("set", _, _)
            if w[k + 1..(k + 8).min(w.len())]
                .iter()
                .any(|x| x == "ablaze" || x == "fire") =>
        {
            Some((k, k + 1))
        }
        _ => None,
    }) else {
        return false;
    };
    let person = |x: &String| role_of(x).is_some();
    // What burned: the subject of "was set on fire", else the object.
    // (The head word: the last before "was", or before a preposition after the verb: "six
    // NATO oil tankers in Khyber", "the house of a former minister", "a soldier's home".)
    let burned_a_person = if set > 0 && matches!(at(set - 1), "was" | "were" | "been" | "being") {
        set >= 2 && person(&w[set - 2])
    } else {
        w[after.min(w.len())..(after + 6).min(w.len())]
            .iter()
            .take_while(|x| {
                !matches!(
                    x.as_str(),
                    "in" | "of"
                        | "at"
                        | "on"
                        | "near"
                        | "by"
                        | "with"
                        | "and"
                        | "from"
                        | "after"
                        | "when"
                        | "belonging"
                        | "owned"
                )
            })
            .last()
            .is_some_and(person)
    };
    f.triggers.iter().all(|t| *t == Trigger::Riot)
        && !burned_a_person
        && !f
            .casualties
            .iter()
            .any(|c| matches!(c.category, Category::Killed | Category::Injured) && c.count.best > 0)
        && !w.iter().any(|x| {
            matches!(
                x.as_str(),
                "attacked"
                    | "stormed"
                    | "fired"
                    | "firing"
                    | "shot"
                    | "beat"
                    | "beaten"
                    | "mob"
                    | "protesters"
                    | "protestors"
            )
        })
}

/// Whether a sentence gives a toll of ten or more over a long period with no one incident
/// named: "UNAMA said 1,200 civilians were killed in the first half of the year", "over 300
/// people have been killed so far this year", "1,500 militants were killed in operations
/// across the tribal areas in 2015". ("Five soldiers were killed in an attack last year"
/// names its incident.)
fn tallies_a_period(words: &[String], casualties: &[Casualty]) -> bool {
    let w = |k: usize| words.get(k).map_or("", String::as_str);
    let period = (0..words.len()).any(|k| {
        matches!(
            (w(k), w(k + 1), w(k + 2)),
            ("so", "far", "this")
                | ("first" | "second", "half", _)
                | ("this" | "last" | "previous" | "past", "year" | "decade", _)
                | ("past" | "last" | "first", _, "months" | "years")
                | ("first" | "second" | "third" | "fourth" | "last", "quarter", _)
                | ("during" | "throughout", "the", "year")
        )
            // "from January to June".
            || w(k) == "from"
                && w(k + 2) == "to"
                && [w(k + 1), w(k + 3)].iter().all(|m| {
                    crate::text::dates::is_calendar_word(m) && !m.ends_with("day")
                })
            // A month ("since January"), not a weekday ("since Thursday").
            || w(k) == "since"
            && crate::text::dates::is_calendar_word(w(k + 1))
            && !w(k + 1).ends_with("day")
            || matches!(w(k), "in" | "during" | "since")
                && crate::text::dates::year_num(w(k + 1)).is_some()
                && !crate::text::dates::is_calendar_word(w(k.wrapping_sub(1)))
            // "killed in separate incidents … over the past week".
            // ("in a spate of violence across Balochistan this week").
            || matches!((w(k), w(k + 1)), ("past" | "last" | "this", "week" | "weeks"))
                && words.iter().any(|x| {
                    matches!(x.as_str(), "incidents" | "spate" | "wave" | "across" | "compiled")
                })
    });
    // "700 personnel of the Security Forces have been killed while fighting …", "910
    // militants had been killed in the operation Zarb-e-Azb": a perfect passive of a figure
    // in the hundreds sums up a campaign.
    let perfect_hundreds = (0..words.len()).any(|k| {
        matches!(w(k), "have" | "has" | "had")
            && w(k + 1) == "been"
            && matches!(w(k + 2), "killed" | "martyred" | "slain")
    }) && casualties
        .iter()
        .any(|c| c.category == Category::Killed && c.count.best >= 100 && !c.subset);
    if !period && !perfect_hundreds {
        return false;
    }
    // (The casualty reader drops most such figures as tallies; the words still hold them.)
    let many = casualties.iter().any(|c| c.count.best >= 10 && !c.subset)
        || words.iter().enumerate().any(|(k, x)| {
            // (Not a day of the month: "on October 16".)
            let day = crate::text::dates::is_calendar_word(w(k.wrapping_sub(1)))
                || crate::text::dates::is_calendar_word(w(k + 1));
            crate::text::numbers::word_value(x).is_some_and(|n| n >= 10)
                && crate::text::dates::year_num(x).is_none()
                && !day
                || matches!(x.as_str(), "hundreds" | "thousands" | "dozens" | "scores")
        });
    // ("the operation Zarb-e-Azb", "Operation Rah-e-Rast": a named campaign, no incident.)
    let named_operation = |k: usize| {
        words[k] == "operation"
            && (w(k + 1).len() > 3
                && !matches!(
                    w(k + 1),
                    "against"
                        | "launched"
                        | "conducted"
                        | "carried"
                        | "near"
                        | "which"
                        | "that"
                        | "were"
                        | "was"
                        | "during"
                        | "after"
                        | "before"
                        | "into"
                        | "from"
                        | "killed"
                        | "ended"
                        | "continued"
                        | "began"
                        | "concluded"
                        | "targeted"
                        | "lasted"
                        | "resulted"
                        | "underway"
                )
                || w(k.wrapping_sub(1)) == "of")
    };
    let one_incident = words.iter().enumerate().any(|(k, x)| {
        !named_operation(k)
            && matches!(
                x.as_str(),
                "attack"
                    | "blast"
                    | "bombing"
                    | "explosion"
                    | "clash"
                    | "ambush"
                    | "raid"
                    | "operation"
                    | "encounter"
                    | "gunfight"
                    | "strike"
                    | "airstrike"
                    | "incident"
                    | "assault"
                    | "shootout"
                    | "firefight"
                    | "stampede"
                    | "crash"
            )
    });
    many && !one_incident
}

/// Whether people are held before a protest they meant to hold: "arrested over 450 PTI
/// workers ahead of the planned protest", "detained … to foil the march". No protest was held.
fn arrests_ahead_of_a_protest(f: &SentenceFacts) -> bool {
    let w = &f.words;
    let protest_noun = |x: &str| {
        matches!(
            x,
            "protest"
                | "protests"
                | "rally"
                | "rallies"
                | "march"
                | "sit-in"
                | "dharna"
                | "demonstration"
                | "demonstrations"
                | "strike"
        )
    };
    let held_by_then = |x: &str| {
        matches!(
            x,
            "protesters"
                | "protestors"
                | "demonstrators"
                | "protested"
                | "protesting"
                | "demonstrated"
                | "marched"
                | "marching"
                | "rallied"
                | "chanted"
                | "chanting"
                | "gathered"
                | "staged"
        )
    };
    f.triggers.contains(&Trigger::Arrest)
        && !w.iter().any(|x| held_by_then(x))
        && w.iter().any(|x| protest_noun(x))
        && w.iter()
            .enumerate()
            .filter(|(_, x)| protest_noun(x))
            .all(|(k, _)| {
                w[k.saturating_sub(4)..k].iter().any(|b| {
                    matches!(
                        b.as_str(),
                        "ahead" | "before" | "planned" | "prevent" | "foil" | "thwart" | "upcoming"
                    )
                })
            })
}

/// A mob or a violent protest fighting the authorities, with no armed side named: "angry
/// mobs clashed with government authorities", "a mob attacked the police station".
fn is_mob_clash(f: &SentenceFacts) -> bool {
    f.triggers.contains(&Trigger::Riot)
        && f.triggers.iter().all(|t| {
            matches!(
                t,
                Trigger::Riot | Trigger::Protest | Trigger::Clash | Trigger::Attack
            )
        })
        && !f.generic.contains(&Role::Armed)
        && !f.actors.iter().any(|a| is_armed_info(&a.1))
}

/// Whether the sentence's source is an armed group it names ("The BLA said …", "TTP spokesman
/// … said").
fn an_armed_group_speaks(f: &SentenceFacts) -> bool {
    f.attribution.as_ref().is_some_and(|(source, _)| {
        f.actors
            .iter()
            .any(|a| is_armed_info(&a.1) && source.contains(a.3.as_str()))
    })
}

/// Whether any of `sentences` tells a bombing (a blast, a suicide bomb, a grenade).
fn tells_a_bombing(facts: &[SentenceFacts], sentences: &[usize]) -> bool {
    sentences.iter().any(|&k| {
        facts[k].triggers.iter().any(|t| {
            matches!(
                t,
                Trigger::Explosive | Trigger::SuicideBomb | Trigger::Grenade
            )
        })
    })
}

/// Whether the words count several attacks or incidents: "carried out three attacks".
fn counts_several_attacks(words: &[String]) -> bool {
    words.windows(2).any(|x| {
        matches!(x[1].as_str(), "attacks" | "incidents")
            && crate::text::numbers::word_value(&x[0]).is_some_and(|n| n >= 2)
    })
}

/// Whether the fighting word at token `i` is what a truce in the sentence ends: "agreed to a
/// ceasefire after a week of fighting", "after days of border clashes".
fn fighting_a_truce_ends(toks: &[Token<'_>], i: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.lower.as_ref());
    let of_a_while = (i.saturating_sub(5)..i).any(|a| {
        w(a) == "after"
            && (a + 1..i).any(|k| {
                matches!(
                    w(k),
                    "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years"
                ) && w(k + 1) == "of"
            })
    });
    of_a_while
        && toks.iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "ceasefire" | "cease-fire" | "truce" | "brokered" | "agreed"
            )
        })
        && !toks[i..].iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "killed" | "killing" | "left" | "leaving" | "claimed"
            )
        })
}

/// Whether the words point back to a bombing: "the blast", "this explosion".
fn names_the_blast(words: &[String]) -> bool {
    words.windows(2).any(|w| {
        matches!(w[0].as_str(), "the" | "this" | "that")
            && matches!(w[1].as_str(), "blast" | "explosion" | "bombing")
    })
}

/// Whether a sentence tells a group's record rather than this deed: "have carried out similar
/// attacks", "has repeatedly targeted", "in the past".
fn tells_a_record(words: &[String]) -> bool {
    (0..words.len().saturating_sub(2)).any(|k| {
        similar_deeds_at(words, k)
            || habit_at(words, k)
            || words[k] == "in" && words[k + 1] == "the" && words[k + 2] == "past"
    })
}

/// "carried out similar attacks", "staged such attacks" at word `k`: other deeds like this one.
fn similar_deeds_at(words: &[String], k: usize) -> bool {
    let at = |j: usize| words.get(j).map_or("", String::as_str);
    matches!(at(k), "carried" | "conducted" | "staged")
        && (matches!(at(k + 1), "similar" | "such")
            || at(k + 1) == "out" && matches!(at(k + 2), "similar" | "such"))
}

/// "has repeatedly", "have often" at word `k`: a habit, not this deed.
fn habit_at(words: &[String], k: usize) -> bool {
    let at = |j: usize| words.get(j).map_or("", String::as_str);
    matches!(at(k), "has" | "have")
        && matches!(
            at(k + 1),
            "repeatedly" | "previously" | "often" | "frequently"
        )
}

/// An armed group, militia or rebel group (not a party).
fn is_armed_info(a: &ActorInfo) -> bool {
    matches!(
        a.actor_type,
        ActorType::RebelGroup | ActorType::PoliticalMilitia | ActorType::IdentityMilitia
    ) && a.kind != tessera_model::EntityKind::PoliticalParty
}

/// Whether a word names someone's account that another may reject: "a claim", "a charge",
/// "allegations".
fn names_an_account(w: &str) -> bool {
    matches!(
        w,
        "claim"
            | "claims"
            | "allegation"
            | "allegations"
            | "charge"
            | "charges"
            | "accusation"
            | "accusations"
    )
}

/// Whether a sentence tells who was killed or hurt and no deed ("Eight people, including
/// policemen, were injured"): none of its words tells how.
fn tells_only_a_toll(words: &[String]) -> bool {
    words.iter().all(|w| {
        !matches!(
            w.as_str(),
            "attack"
                | "attacked"
                | "attacks"
                | "attackers"
                | "gunmen"
                | "fired"
                | "firing"
                | "shot"
                | "shooting"
                | "stabbed"
                | "beaten"
                | "assaulted"
                | "tortured"
                | "murdered"
                | "gunned"
                | "bomb"
                | "blast"
                | "explosion"
        )
    })
}

/// Whether the sentences `later` give again the dead (or the detained, by `category`) already
/// counted in `earlier`, at no other place: each figure is vague ("several insurgents") or one
/// the earlier sentences gave (a part or their sum), and a place named is one named before.
fn restates_toll(
    facts: &[SentenceFacts],
    earlier: &[usize],
    later: &[usize],
    category: Category,
) -> bool {
    let figures = |ks: &[usize]| -> Vec<(u32, bool)> {
        ks.iter()
            .flat_map(|&k| facts[k].casualties.iter())
            .filter(|c| c.category == category && !c.subset && !c.anaphoric)
            .map(|c| (c.count.best, c.vague))
            .collect()
    };
    let before = figures(earlier);
    let after = figures(later);
    let sum: u32 = before.iter().map(|c| c.0).sum();
    // "captured a Taliban leader … detained the leader and a suspected associate": more in
    // all than told before is not the same people told again.
    let after_sum: u32 = after.iter().filter(|c| !c.1).map(|c| c.0).sum();
    if sum == 0 || after.is_empty() || after_sum > sum {
        return false;
    }
    let same_dead = after
        .iter()
        .all(|(n, vague)| *vague || *n == sum || before.iter().any(|b| b.0 == *n));
    let places = |ks: &[usize]| -> Vec<&PlaceInfo> {
        ks.iter()
            .flat_map(|&k| facts[k].places.iter())
            .filter(|p| !p.dateline && p.info.level != PlaceLevel::Country)
            .map(|p| &p.info)
            .collect()
    };
    let (was, now) = (places(earlier), places(later));
    let same_place = now.iter().all(|p| was.iter().any(|q| place_within(p, q)));
    same_dead && same_place
}

/// Whether place `p` is `q`, lies in `q`'s district, or is `q`'s province.
fn place_within(p: &PlaceInfo, q: &PlaceInfo) -> bool {
    q.name == p.name
        || (q.admin2.is_some() && q.admin2 == p.admin2)
        || (p.level == PlaceLevel::Admin1 && q.admin1 == p.admin1)
}

/// The token that starts at byte `b` (tokens are in order, so a search, not a scan: a run-on
/// sentence with many triggers stays linear).
fn token_starting_at(toks: &[Token<'_>], b: usize) -> Option<usize> {
    toks.binary_search_by_key(&b, |t| t.start).ok()
}

/// Whether the subject of "agreed" at token `k` is two parties: "Pakistan and Afghanistan",
/// "the TTP and the government", "the two sides", "both countries".
fn two_parties_agree(toks: &[Token<'_>], k: usize) -> bool {
    let parties = |t: &Token<'_>| {
        matches!(
            t.lower.as_ref(),
            "sides"
                | "countries"
                | "governments"
                | "parties"
                | "neighbours"
                | "neighbors"
                | "tribes"
        )
    };
    let named = |t: &Token<'_>| {
        t.text.starts_with(|c: char| c.is_uppercase()) || parties(t) || t.lower == "government"
    };
    let before = &toks[k.saturating_sub(5)..k];
    before.last().is_some_and(parties)
        || before
            .iter()
            .position(|t| t.lower == "and")
            .is_some_and(|a| {
                a > 0
                    && named(&before[a - 1])
                    && before[a + 1..].iter().any(named)
                    && before[a + 1..].iter().all(|t| t.is_word())
            })
}

/// The abduction told with an attack's killing, as an event of its own: "six laborers were
/// kidnapped and later killed", "gunmen kidnapped a doctor and killed his driver". ACLED codes
/// a killing in captivity as an attack added to the abduction; the main event (listed first)
/// stays the attack, with the dead. Its date is the attack's, marked approximate: the
/// abduction came on or before it.
fn abduction_before_the_killing(facts: &[SentenceFacts], d: &Draft, ev: &Event) -> Option<Event> {
    let abducted = d
        .sentences
        .iter()
        .any(|&k| facts[k].triggers.contains(&Trigger::Abduction));
    // "abducted a week ago": the day it says, if before the killing's.
    let told_day = d
        .sentences
        .iter()
        .find_map(|&k| facts[k].abducted_on)
        .filter(|a| {
            ev.date
                .start
                .as_deref()
                .is_some_and(|s| a.start.format("%Y-%m-%d").to_string().as_str() < s)
        });
    let date = match told_day {
        Some(a) => EventDate {
            start: Some(a.start.format("%Y-%m-%d").to_string()),
            end: Some(a.end.format("%Y-%m-%d").to_string()),
            granularity: a.granularity,
            date_type: a.date_type,
        },
        None => EventDate {
            date_type: DateType::Approximate,
            ..ev.date.clone()
        },
    };
    abducted.then(|| Event {
        id: stable_id("ev", &[ev.id.as_str(), "Abduction/forced disappearance"]),
        sub_event_type: "Abduction/forced disappearance".to_owned(),
        fatalities: None,
        fatalities_low: None,
        fatalities_high: None,
        injured: None,
        date,
        ..ev.clone()
    })
}

/// What a sentence says around a bare "strike": who strikes or how (a labour strike), or what
/// was hit (an air strike). Read once per sentence, so that a sentence of many "strike"s stays
/// linear.
#[derive(Debug, Clone, Copy)]
struct StrikeCues {
    labour: bool,
    military: bool,
}

impl StrikeCues {
    fn of(toks: &[Token<'_>]) -> Self {
        let labour = toks.iter().enumerate().any(|(k, t)| {
            matches!(
                t.lower.as_ref(),
                "observed"
                    | "observe"
                    | "observing"
                    | "observes"
                    | "shutter"
                    | "shutter-down"
                    | "wheel"
                    | "wheel-jam"
                    | "hartal"
                    | "hunger"
                    | "general"
                    | "nationwide"
                    | "province-wide"
                    | "countrywide"
                    | "citywide"
                    | "complete"
                    | "token"
                    | "pen-down"
                    | "traders"
                    | "shopkeepers"
                    | "transporters"
                    | "workers"
                    | "employees"
                    | "teachers"
                    | "doctors"
                    | "lawyers"
                    | "nurses"
                    | "strikers"
                    | "union"
                    | "protest"
                    | "protests"
                    | "protested"
                    | "protesters"
                    | "demanding"
                    | "demands"
                    | "held"
                    | "given"
                    | "markets"
                    | "closed"
                    | "shut"
            ) || (matches!(t.lower.as_ref(), "call" | "called" | "calls" | "calling")
                // "the strike was called in on the target" is an air strike asked for.
                && toks.get(k + 1).is_none_or(|x| x.lower != "in"))
                || (t.lower == "on" && toks.get(k + 1).is_some_and(|x| x.lower == "strike"))
        });
        let military = toks.iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "hit"
                    | "hits"
                    | "engaged"
                    | "destroyed"
                    | "suppressed"
                    | "disabled"
                    | "damaged"
                    | "killed"
                    | "targeted"
                    | "struck"
                    | "isil"
                    | "isis"
                    | "daesh"
                    | "insurgents"
                    | "insurgent"
                    | "militants"
                    | "al-qaida"
                    | "al-qaeda"
                    | "taliban"
                    | "target"
                    | "targets"
                    | "coalition"
                    | "force"
                    | "forces"
            )
        });
        StrikeCues { labour, military }
    }
}

/// What a bare "strike" at `i` names. A labour strike when the sentence says who strikes or how
/// ("traders observed a strike", "went on strike", "a strike call"); an air strike when it says
/// what the strike hit ("one strike suppressed an ISIL tactical unit", "a U.S. strike hit two
/// vehicles"); nothing when "strike" is a verb ("continue to strike ISIL targets"), names a
/// kind of mission ("strike missions"), or the sentence says neither ("Assessment of the
/// strike continues").
fn strike_sense(toks: &[Token<'_>], i: usize, cues: StrikeCues) -> Option<Trigger> {
    if cues.labour {
        return Some(Trigger::Protest);
    }
    let before = i.checked_sub(1).map(|k| toks[k].lower.as_ref());
    let verb = matches!(
        before,
        Some(
            "to" | "would"
                | "will"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "shall"
                | "must"
                | "not"
                | "missile"
                | "missiles"
                | "rocket"
                | "artillery"
                | "mortar"
        )
    );
    let modifier = toks.get(i + 1).is_some_and(|x| {
        matches!(
            x.lower.as_ref(),
            "mission"
                | "missions"
                | "package"
                | "packages"
                | "release"
                | "releases"
                | "assessment"
                | "assessments"
                | "aircraft"
                | "fighter"
                | "fighters"
                | "group"
                | "force"
                | "capability"
                | "capabilities"
                | "team"
        )
    });
    if verb || modifier {
        return None;
    }
    cues.military.then_some(Trigger::AirStrike)
}

/// Whether "demonstrated" at `i` shows something ("the police demonstrated their capability",
/// "the operation demonstrated to villagers that …") rather than people demonstrating.
fn shows_something(toks: &[Token<'_>], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|x| {
        matches!(
            x.lower.as_ref(),
            "their"
                | "its"
                | "his"
                | "her"
                | "our"
                | "my"
                | "your"
                | "the"
                | "a"
                | "an"
                | "that"
                | "to"
                | "how"
                | "what"
                | "this"
                | "these"
                | "those"
        )
    })
}

/// Whom an active verb of harm names when no figure is given: "Security forces killed TTP
/// militants in Swat", "a patrol killed insurgents", "gunmen shot dead policemen".
fn harmed_with_no_figure(words: &[String]) -> Option<Role> {
    (0..words.len()).find_map(|v| {
        let verb = matches!(
            words[v].as_str(),
            "killed"
                | "killing"
                | "kill"
                | "kills"
                | "wounded"
                | "wounding"
                | "injured"
                | "injuring"
        ) || (matches!(words[v].as_str(), "dead" | "down")
            && v > 0
            && matches!(words[v - 1].as_str(), "shot" | "gunned"));
        // "were killed", "had been wounded": passive, its subject counted elsewhere.
        let passive = v > 0
            && matches!(
                words[v - 1].as_str(),
                "was" | "were" | "been" | "be" | "being" | "is" | "are" | "got"
            );
        if !verb || passive {
            return None;
        }
        words[v + 1..]
            .iter()
            .take(4)
            .take_while(|w| {
                !matches!(
                    w.as_str(),
                    "in" | "at"
                        | "on"
                        | "near"
                        | "during"
                        | "while"
                        | "when"
                        | "after"
                        | "and"
                        | "by"
                        | "with"
                        | "for"
                        | "as"
                        | ","
                        | "."
                        | ";"
                )
            })
            .find_map(|w| role_of(w))
    })
}

/// The side that "came under fire" or "came under attack" when it is the forces ("a security
/// convoy came under fire from militants", "a police patrol came under attack"): the
/// forces are the target though no one of them is counted.
fn forces_came_under_attack(words: &[String]) -> Option<Role> {
    (1..words.len()).find_map(|v| {
        let under_attack = words[v] == "under"
            && matches!(words[v - 1].as_str(), "came" | "come" | "comes" | "coming")
            && words
                .get(v + 1)
                .is_some_and(|w| matches!(w.as_str(), "fire" | "attack" | "gunfire"));
        if !under_attack {
            return None;
        }
        words[..v - 1]
            .iter()
            .rev()
            .take(6)
            .take_while(|w| !matches!(w.as_str(), "," | "." | ";"))
            .any(|w| {
                role_of(w) == Some(Role::State)
                    || matches!(
                        w.as_str(),
                        "security"
                            | "military"
                            | "police"
                            | "army"
                            | "patrol"
                            | "checkpost"
                            | "check-post"
                            | "checkpoint"
                            | "picket"
                    )
            })
            .then_some(Role::State)
    })
}

/// Whether armed men fired on the forces and the forces fought back: "two suspected militants
/// opened fire on policemen deployed outside a church … The police retaliated", "the militant
/// opened fire on a soldier at the checkpost … crossfire". The forces were the target,
/// whoever else the bullets hit.
fn fired_on_forces_who_fought_back(words: &[String]) -> bool {
    let forces = |w: &str| {
        role_of(w) == Some(Role::State)
            || matches!(w, "police" | "army" | "checkpost" | "checkpoint" | "picket")
    };
    let at = |k: usize| words.get(k).map_or("", String::as_str);
    // Where the ones fired on are named: after "opened fire on", "fired at".
    let fired_on = (0..words.len()).any(|k| {
        let object = match (at(k), at(k + 1), at(k + 2)) {
            ("opened", "fire", "at" | "on" | "upon") => k + 3,
            ("fired", "at" | "on" | "upon", _) => k + 2,
            _ => return false,
        };
        words[object.min(words.len())..(object + 3).min(words.len())]
            .iter()
            .any(|w| forces(w))
    });
    fired_on
        && words.iter().enumerate().any(|(k, w)| {
            matches!(w.as_str(), "retaliated" | "crossfire" | "cross-fire")
                || w == "returned" && words.get(k + 1).is_some_and(|x| x == "fire")
        })
}

/// Whether the words speak of firing or shelling.
fn says_fire(words: &[String]) -> bool {
    words.iter().any(|x| {
        matches!(
            x.as_str(),
            "fire" | "firing" | "fired" | "shelling" | "shells" | "shelled"
        )
    })
}

/// The country whose forces `w` names at work at its start ("Indian firing", "Pakistani
/// aircraft", "troops of India", "Indian and Pakistani troops"); "Afghan border forces" only
/// where firing is told (`fire_said`), not "the road towards the Afghan border".
fn forces_at_work(w: &[String], fire_said: bool) -> Option<&'static str> {
    let word = |k: usize| w.get(k).map_or("", String::as_str);
    let adjective = |x: &str| {
        nationality(x).or_else(|| {
            // "A US drone fired two missiles", "American drones".
            matches!(x, "us" | "u.s" | "u.s." | "american").then_some("US")
        })
    };
    // "troops of India", "forces of Afghanistan".
    if matches!(word(0), "troops" | "forces" | "army") && word(1) == "of" {
        return country_named(word(2));
    }
    // "Pakistan carried out military strikes inside Iran": a state that strikes, by its
    // forces.
    if let Some(c) = country_named(word(0))
        && matches!(
            word(1),
            "carried" | "conducted" | "launched" | "struck" | "bombed"
        )
        && (2..6).any(|k| matches!(word(k), "strikes" | "airstrikes" | "strike" | "raids"))
    {
        return Some(c);
    }
    // "Iran violated Pakistan's airspace and struck a village": the state whose aircraft or
    // missiles crossed.
    if let Some(c) = country_named(word(0))
        && word(1) == "violated"
        && (2..6).any(|k| word(k) == "airspace")
    {
        return Some(c);
    }
    // "India fired missiles at six locations", "Pakistan fired artillery shells into Kunar",
    // "Iran shelled …".
    if let Some(c) = country_named(word(0))
        && (word(1) == "shelled"
            || matches!(word(1), "fired" | "launched")
                && (2..5).any(|k| {
                    matches!(
                        word(k),
                        "missiles" | "missile" | "rockets" | "shells" | "mortars" | "artillery"
                    )
                }))
    {
        return Some(c);
    }
    // "accused Pakistan of carrying out drone strikes", "blamed Pakistan for the strikes":
    // the accused country's forces, on the accuser's word.
    // ("accused Pakistan on Monday of …": the day between.)
    if matches!(word(0), "accused" | "accuses" | "blamed" | "blames")
        && let Some(c) = country_named(word(1))
        && (2..5)
            .find(|&k| matches!(word(k), "of" | "for"))
            .is_some_and(|k| {
                (2..k).all(|j| {
                    matches!(word(j), "on" | "yesterday" | "today" | "late" | "last")
                        || crate::text::dates::is_calendar_word(word(j))
                })
            })
    {
        return Some(c);
    }
    // "a drone, believed to be Pakistani, struck a house": whose it is thought to be.
    if matches!(word(0), "believed" | "thought" | "suspected")
        && word(1) == "to"
        && word(2) == "be"
        && let Some(c) = adjective(word(3))
    {
        return Some(c);
    }
    // "A United States (US) drone fired two missiles": the country's name as its adjective,
    // with its abbreviation in brackets.
    if word(0) == "united" && word(1) == "states" {
        let at = if word(2) == "(" && word(4) == ")" {
            5
        } else {
            2
        };
        return matches!(
            word(at),
            "drone" | "drones" | "forces" | "troops" | "aircraft" | "jets" | "military"
        )
        .then_some("US");
    }
    let who = adjective(word(0))?;
    // "Indian and Pakistani troops": the first country's forces are at work too.
    let at = if word(1) == "and" && adjective(word(2)).is_some() {
        3
    } else {
        1
    };
    // "Afghan Taliban forces": the government's since 2021, as Afghanistan's.
    let at = if word(at) == "taliban" && who == "AF" {
        at + 1
    } else {
        at
    };
    let next = word(at);
    let at_work = matches!(
        next,
        "fire"
            | "firing"
            | "troops"
            | "forces"
            | "shelling"
            | "army"
            | "aircraft"
            | "drone"
            | "drones"
            | "jets"
            | "warplanes"
            | "military"
            // "Indian security personnel", "Indian BSF".
            | "security"
            | "bsf"
            // "an Iranian missile and drone strike", "Pakistani airstrikes".
            | "missile"
            | "missiles"
            | "airstrike"
            | "airstrikes"
    );
    // The pronoun "us" only before a drone or forces.
    if who == "US"
        && word(0) == "us"
        && !matches!(next, "drone" | "drones" | "forces" | "troops" | "military")
    {
        return None;
    }
    // "Afghan border guards", "the Afghan border police": forces, fire told or not.
    let border_force = next == "border"
        && matches!(
            word(at + 1),
            "guards" | "guard" | "police" | "forces" | "troops" | "personnel"
        );
    (at_work || border_force || next == "border" && fire_said).then_some(who)
}

/// The country whose posts a report names: "Pakistani border posts", "Afghan checkposts".
/// Posts stand in the country whose they are.
fn posts_of(words: &[String]) -> Option<&'static str> {
    let word = |k: usize| words.get(k).map_or("", String::as_str);
    (0..words.len()).find_map(|k| {
        let noun = if matches!(word(k + 1), "border" | "military" | "security") {
            word(k + 2)
        } else {
            word(k + 1)
        };
        matches!(
            noun,
            "posts" | "checkposts" | "check-posts" | "outposts" | "positions" | "pickets"
        )
        .then(|| nationality(word(k)))
        .flatten()
    })
}

/// The nationality adjective of a country's forces ("pakistani", "pakistan's": the tokenizer
/// keeps a possessive whole), by code.
fn nationality(x: &str) -> Option<&'static str> {
    match x {
        "indian" | "india's" | "india’s" => Some("IN"),
        "afghan" | "afghanistan's" | "afghanistan’s" => Some("AF"),
        "iranian" | "iran's" | "iran’s" => Some("IR"),
        "pakistani" | "pakistan's" | "pakistan’s" => Some("PK"),
        _ => None,
    }
}

/// The country whose guns fired, at the start of `w`: "shelling from Pakistan", "shells
/// fired from the Afghan side". (Not "from Afghan territory", whence armed groups fire too;
/// nor is it read where the report says militants fire.)
fn guns_from_country(w: &[String]) -> Option<&'static str> {
    let word = |k: usize| w.get(k).map_or("", String::as_str);
    if !matches!(
        word(0),
        "shelling" | "shells" | "shell" | "mortars" | "artillery" | "fired" | "rockets"
    ) || word(1) != "from"
    {
        return None;
    }
    match word(2) {
        "the" if word(4) == "side" => nationality(word(3)),
        name => country_named(name),
    }
}

/// The country of foreign civilians the words name ("Chinese nationals", "Afghan refugees"),
/// other than the event's own.
fn foreign_civilians(words: &[String], country: Option<&str>) -> Option<&'static str> {
    words.windows(2).enumerate().find_map(|(k, w)| {
        // "Police detained 120 Afghans": people named by their nation alone.
        let by_nation = match w[1].as_str() {
            "afghans" => Some(("AF", "Afghanistan")),
            "pakistanis" => Some(("PK", "Pakistan")),
            "iranians" => Some(("IR", "Iran")),
            _ => None,
        };
        let people = by_nation.is_some()
            || matches!(
                w[1].as_str(),
                "national"
                    | "nationals"
                    | "engineer"
                    | "engineers"
                    | "worker"
                    | "workers"
                    | "citizen"
                    | "citizens"
                    | "tourist"
                    | "tourists"
                    | "refugee"
                    | "refugees"
                    | "pilgrims"
                    | "labourers"
                    | "traders"
                    | "teachers"
            );
        // Not a part of the dead: "183 people were killed, including 13 US service members,
        // 2 British nationals …".
        if !people
            || words[k.saturating_sub(20)..k]
                .iter()
                .any(|x| matches!(x.as_str(), "including" | "among"))
        {
            return None;
        }
        let (code, name) = match (by_nation, w[0].as_str()) {
            (Some(nation), _) => nation,
            (None, "chinese") => ("CN", "China"),
            (None, "japanese") => ("JP", "Japan"),
            (None, "american") => ("US", "United States"),
            (None, "british") => ("GB", "United Kingdom"),
            (None, "afghan") => ("AF", "Afghanistan"),
            (None, "pakistani") => ("PK", "Pakistan"),
            (None, "iranian") => ("IR", "Iran"),
            (None, "indian") => ("IN", "India"),
            _ => return None,
        };
        (Some(code) != country).then_some(name)
    })
}

/// A country's name as ACLED writes it after "Forces of": "the United States", "the
/// Philippines".
fn with_article(country: &str) -> String {
    let plural_or_union = country.starts_with("United ")
        || matches!(
            country,
            "Philippines" | "Netherlands" | "Maldives" | "Bahamas" | "Comoros"
        );
    if plural_or_union {
        format!("the {country}")
    } else {
        country.to_owned()
    }
}

/// The name of a neighbouring country, by code.
fn country_of_code(code: &str) -> Option<&'static str> {
    match code {
        "IN" => Some("India"),
        "AF" => Some("Afghanistan"),
        "IR" => Some("Iran"),
        "PK" => Some("Pakistan"),
        _ => None,
    }
}

/// The code of a neighbouring country named in lower case ("pakistan").
fn country_named(x: &str) -> Option<&'static str> {
    match x {
        "india" => Some("IN"),
        "afghanistan" => Some("AF"),
        "iran" => Some("IR"),
        "pakistan" => Some("PK"),
        _ => None,
    }
}

/// "Afghan forces had killed 19 Pakistani soldiers" in Paktia: the country of the foreign
/// forces named as struck, where the event country's own forces fired
/// ([`fire_by_own_forces`]).
fn foreign_forces_struck(words: &[String], country: Option<&str>) -> Option<&'static str> {
    words.windows(2).find_map(|w| {
        nationality(&w[0])
            .filter(|c| Some(*c) != country)
            .filter(|_| matches!(w[1].as_str(), "soldiers" | "troops" | "forces" | "posts"))
    })
}

/// A plural noun of incidents: "attacks", "operations", "clashes".
fn is_plural_incident_word(w: &str) -> bool {
    matches!(
        w,
        "attacks"
            | "bombings"
            | "blasts"
            | "explosions"
            | "strikes"
            | "airstrikes"
            | "clashes"
            | "killings"
            | "kidnappings"
            | "abductions"
            | "ambushes"
            | "incidents"
    )
}

/// Whether a sentence counts ten incidents or more ("with 74 attacks recorded across the
/// country", "more than 600 attacks last year").
fn counts_many_incidents(words: &[String]) -> bool {
    words.iter().enumerate().any(|(k, w)| {
        is_plural_incident_word(w)
            && (k.saturating_sub(3)..k).any(|f| {
                crate::text::numbers::word_value(&words[f]).is_some_and(|n| n >= 10)
                    && crate::text::dates::year_num(&words[f]).is_none()
                    || matches!(
                        words[f].as_str(),
                        "dozens" | "hundreds" | "scores" | "thousands"
                    )
            })
    })
}

/// Whether the plural incident word at token `k` is counted ten times or more: "more than 600
/// attacks last year", "30 drone strikes in 2013", "hundreds of suicide bombings": a tally of
/// incidents, not one of them. (The plural closes the trigger: "600 suicide attacks".)
fn tallies_incidents(toks: &[Token<'_>], k: usize) -> bool {
    let Some(plural) =
        (k..(k + 3).min(toks.len())).find(|&j| is_plural_incident_word(&toks[j].lower))
    else {
        return false;
    };
    let number = |t: &Token<'_>| crate::text::numbers::word_value(&t.lower);
    // The figure counts the plural itself, alone (not the date in "the 26 11 Mumbai
    // attacks"), with only describing words between ("600 terrorist attacks", "hundreds of
    // attacks"; not "more than a dozen during air strikes").
    (k.saturating_sub(3)..k).any(|f| {
        let t = &toks[f];
        // (Nor a year, "the 2008 Mumbai attacks", nor a day, "post September 29 surgical
        // strikes".)
        let year = crate::text::dates::year_num(&t.lower).is_some();
        let day = f > 0 && crate::text::dates::is_calendar_word(&toks[f - 1].lower);
        let counts = number(t).is_some_and(|n| n >= 10)
            && !year
            && !day
            && toks.get(f + 1).is_none_or(|n| number(n).is_none())
            && (f == 0 || number(&toks[f - 1]).is_none())
            || matches!(
                t.lower.as_ref(),
                "dozens" | "hundreds" | "scores" | "thousands"
            );
        counts
            && toks[f + 1..plural].iter().all(|m| {
                m.is_word()
                    && number(m).is_none()
                    && !matches!(
                        m.lower.as_ref(),
                        "during"
                            | "in"
                            | "at"
                            | "on"
                            | "after"
                            | "before"
                            | "and"
                            | "with"
                            | "by"
                            | "from"
                            | "for"
                            | "since"
                            | "the"
                            // "35 injured as clashes … continued": the figure is the hurt.
                            | "as"
                            | "when"
                            | "while"
                            | "amid"
                            | "injured"
                            | "wounded"
                            | "killed"
                            | "hurt"
                            | "dead"
                    )
            })
    })
}

/// A span of time that "after" or "before" turns into the time of another event ("a day
/// after", "two weeks before", "hours after").
fn is_time_span_unit(w: &str) -> bool {
    matches!(
        w,
        "day" | "days" | "hours" | "week" | "weeks" | "month" | "months"
    )
}

/// Whether the weapon or attack word at token `k` is named as someone's record or trade: a cue
/// within twelve words before it ("responsible for IED attacks", "specializes in improvised
/// explosive devices", "provides weapons, explosives and …", "a facilitator of explosives").
fn names_a_record(toks: &[Token<'_>], k: usize) -> bool {
    let next = |j: usize| toks.get(j + 1).map_or("", |t| t.lower.as_ref());
    // "the TTP has stepped up attacks", "a surge in bombings": a trend, not an event.
    if matches!(
        toks[k].lower.as_ref(),
        "attacks" | "bombings" | "ambushes" | "killings" | "kidnappings" | "abductions"
    ) && toks[k.saturating_sub(4)..k].iter().any(|t| {
        matches!(
            t.lower.as_ref(),
            "stepped"
                | "stepping"
                | "intensified"
                | "intensifying"
                | "escalated"
                | "escalating"
                | "increased"
                | "increasing"
                | "ramped"
                | "surge"
                | "rise"
                | "spate"
                | "wave"
                | "series"
                | "string"
        )
    }) {
        return true;
    }
    // "detained 13 suspects during a search operation following the attack on the convoy",
    // "in the wake of the bombing": an event told before, named as what this one follows.
    if !toks[k].lower.ends_with("ed")
        && k >= 2
        && toks[k - 1].lower == "the"
        // (Not "Following the attacks, the attackers set fire to …": the story goes on.)
        && (toks[k - 2].lower == "following" && k > 2
            || k >= 4
                && toks[k - 2].lower == "of"
                && toks[k - 3].lower == "wake"
                && toks[k - 4].lower == "the")
    {
        return true;
    }
    // "Militant attacks in Pakistan rose by 42 per cent in January": a trend told after.
    if is_plural_incident_word(&toks[k].lower)
        && toks[k + 1..(k + 5).min(toks.len())].iter().any(|t| {
            matches!(
                t.lower.as_ref(),
                "rose"
                    | "increased"
                    | "fell"
                    | "declined"
                    | "dropped"
                    | "surged"
                    | "doubled"
                    | "jumped"
                    | "decreased"
            )
        })
    {
        return true;
    }
    if tallies_incidents(toks, k) {
        return true;
    }
    // "a day after sectarian clashes in the area", "two weeks before the bombing": an event
    // told only as the time of another.
    if !toks[k].lower.ends_with("ed")
        && let Some(a) = (k.saturating_sub(4)..k)
            .rev()
            .take_while(|&j| !matches!(toks[j].lower.as_ref(), "," | ";" | ":" | "."))
            .find(|&j| matches!(toks[j].lower.as_ref(), "after" | "before"))
        && a >= 1
        && is_time_span_unit(&toks[a - 1].lower)
    {
        return true;
    }
    // "strikes using attack, bomber, fighter and remotely piloted aircraft", "with attack
    // helicopters": a kind of aircraft.
    if toks[k].lower == "attack"
        && k >= 1
        && matches!(toks[k - 1].lower.as_ref(), "using" | "with")
        && toks.get(k + 1).is_some_and(|t| {
            matches!(
                t.lower.as_ref(),
                "," | "helicopter" | "helicopters" | "aircraft" | "jets" | "planes" | "drones"
            )
        })
    {
        return true;
    }
    // "an impending attack", "possible vehicle-borne improvised explosive devices": not (yet)
    // an event.
    if toks[k.saturating_sub(2)..k].iter().any(|t| {
        matches!(
            t.lower.as_ref(),
            "impending" | "upcoming" | "future" | "possible" | "potential" | "planned"
        )
    }) {
        return true;
    }
    // "the possibility of attacks", "fears of more bombings": what may come.
    // "a veiled attack on Pakistan", "a scathing attack on the government": words, not force.
    if k >= 1
        && (toks[k - 1].lower == "of"
            && k >= 2
            && matches!(
                toks[k - 2].lower.as_ref(),
                "possibility" | "likelihood" | "risk" | "fear" | "fears" | "prospect"
            )
            || matches!(
                toks[k - 1].lower.as_ref(),
                "veiled" | "verbal" | "scathing" | "blistering" | "stinging" | "rhetorical"
            ))
    {
        return true;
    }
    (k.saturating_sub(12)..k)
        .rev()
        // A list ("weapons, explosives and …") stays in the clause.
        .take_while(|&j| !matches!(toks[j].lower.as_ref(), ";" | ":" | "."))
        .any(|j| match toks[j].lower.as_ref() {
            "responsible" => next(j) == "for",
            "specializes" | "specialises" | "specializing" | "specialising" => next(j) == "in",
            "involved" | "involvement" => matches!(next(j), "in" | "with"),
            // "the prime suspect in the July 23 blast".
            "suspect" | "suspects" => next(j) == "in",
            // "in the aftermath of the April 19 attack", "Police investigating the murder".
            "aftermath" => next(j) == "of",
            "investigating" | "investigate" | "investigated" => true,
            "investigation" | "investigations" | "probe" | "inquiry" => {
                matches!(next(j), "into" | "of")
            }
            // "wanted in different cases of extortion, kidnapping for ransom".
            "cases" | "case" => matches!(next(j), "of" | "on"),
            "wanted" => matches!(next(j), "for" | "in"),
            // "weapons for use in attacks"; "the governing official for attacks in Chimtal".
            // "to use Afghan soil for attacks": what a sanctuary is for.
            "for" => {
                next(j) == "use"
                    // "were arrested in Peshawar for the killing of traders": why they
                    // are held.
                    || (j.saturating_sub(6)..j).any(|x| {
                        matches!(
                            toks[x].lower.as_ref(),
                            "arrested" | "detained" | "booked" | "nabbed" | "apprehended"
                                | "sentenced" | "convicted" | "charged" | "indicted"
                        )
                    })
                    || j > 0
                        && (role_of(&toks[j - 1].lower).is_some()
                            || matches!(
                                toks[j - 1].lower.as_ref(),
                                "soil"
                                    | "territory"
                                    | "sanctuary"
                                    | "sanctuaries"
                                    | "base"
                                    | "bases"
                            ))
            }
            "associated" | "linked" | "connected" => matches!(next(j), "with" | "to"),
            // "arrested five suspects in connection with the February 28 bombing".
            "connection" => next(j) == "with",
            "accused" | "suspected" | "charges" | "facilitator" | "facilitators"
            | "facilitation" | "expert" | "experts" => next(j) == "of",
            "known" => next(j) == "to",
            "provides" | "provided" | "providing" | "supplies" | "supplied" | "supplying"
            | "supplier" | "distributes" | "distributed" | "distributing" | "distribution"
            | "procured" | "procures" | "procuring" | "acquires" | "acquired" | "acquiring"
            | "acquisition" | "oversaw" | "oversees" | "overseeing" | "constructs"
            | "facilitates" | "facilitated" | "facilitating" | "conducts" | "commands"
            | "commanded" | "coordinates" | "organizes" | "organises" | "masterminded"
            | "mastermind" | "manufactures" | "manufacturing" | "plans" | "planned"
            | "planning" | "manages" | "participates" | "directs" | "handling" => true,
            _ => false,
        })
}

/// Whether the object starting at token `k` is a place: "the district headquarters of Musa
/// Qala", "two villages" (or, when `named` is allowed, a place's name: "overran Musa Qala").
/// The object ends at a preposition or a stop ("captured another in Sabari district" took a
/// man).
fn takes_a_place(toks: &[Token<'_>], k: usize, named: bool) -> bool {
    toks[k.min(toks.len())..(k + 5).min(toks.len())]
        .iter()
        .take_while(|t| {
            t.is_word()
                && !matches!(
                    t.lower.as_ref(),
                    "in" | "at" | "from" | "near" | "on" | "during" | "after" | "with" | "and"
                )
        })
        .any(|t| is_territory_noun(&t.lower) || named && t.is_capitalised())
}

/// Nouns for a place that can be taken by force: "the district headquarters", "two villages".
fn is_territory_noun(w: &str) -> bool {
    matches!(
        w,
        "district"
            | "headquarters"
            | "town"
            | "towns"
            | "village"
            | "villages"
            | "city"
            | "territory"
            | "checkpost"
            | "checkposts"
            | "checkpoint"
            | "checkpoints"
            // "took control of a police station".
            | "station"
            | "outpost"
            | "outposts"
            | "base"
            | "bases"
            | "stronghold"
            | "strongholds"
            | "valley"
            | "province"
            | "capital"
    )
}

/// Whether the explosive trigger starting at byte `b` names a weapon, not its going off: "a
/// bomb", "IEDs", "an improvised explosive device", "a roadside bomb" (not "a blast", "a
/// bombing", "detonated", "hit a mine").
fn names_a_bare_weapon(toks: &[Token<'_>], b: usize) -> bool {
    token_starting_at(toks, b).is_some_and(|k| {
        matches!(
            toks[k].lower.as_ref(),
            "bomb"
                | "bombs"
                | "ied"
                | "ieds"
                | "explosive"
                | "explosives"
                | "improvised"
                | "landmine"
                | "landmines"
                | "land"
                | "roadside"
                | "car"
                | "magnetic"
                | "sticky"
        )
    })
}

/// Whether a sentence says what became of a weapon: it went off or struck ("went off",
/// "ripped through", "targeted a convoy"), was being laid ("emplacing an IED", "planted"),
/// or was found ("discovered", "confiscated"). One pass over the sentence.
fn tells_a_weapon_used(toks: &[Token<'_>]) -> bool {
    toks.iter()
        .enumerate()
        .any(|(j, t)| match t.lower.as_ref() {
            "went" | "go" | "goes" | "gone" | "going" => {
                toks.get(j + 1).is_some_and(|n| n.lower == "off")
            }
            "ripped" | "rips" | "rocked" | "rocks" | "hit" | "hits" | "struck" | "strikes"
            | "targeted" | "targets" | "targeting" | "damaged" | "damaging" | "explode"
            | "exploding" | "detonate" | "detonating" | "shattered" | "tore" | "killed"
            | "killing" | "kills" | "injured" | "injuring" | "wounded" | "wounding" | "hurt"
            | "detonation" | "detonations" | "emplacing" | "emplaced" | "emplace" | "planting"
            | "planted" | "plant" | "placed" | "placing" | "attached" | "fitted" | "hidden"
            | "concealed" | "laden" | "packed" | "rigged" | "parked" | "discovered" | "found"
            | "recovered" | "seized" | "confiscated" | "defused" | "uncovered" | "cache"
            | "caches" | "fell" | "fallen" | "falling" | "dropped" | "dropping" | "landed"
            | "thrown" | "threw" | "lobbed" | "hurled" => true,
            _ => false,
        })
}

/// Whether the weapon noun at token `k` is a weapon found or seized: in a list after
/// "recovered", "seized", "a cache of" … ("recovered weapons and explosives"), or before a
/// passive one ("explosives recovered from their custody"). A blast or an explosion is never
/// a find.
fn names_a_find(toks: &[Token<'_>], k: usize) -> bool {
    let weapon = matches!(
        toks[k].lower.as_ref(),
        "explosives"
            | "explosive"
            | "grenades"
            | "grenade"
            | "hand"
            | "rockets"
            | "rocket"
            | "mortars"
            | "mortar"
            | "bombs"
            | "ieds"
            | "landmines"
            | "mines"
            | "detonators"
    );
    if !weapon {
        return false;
    }
    let is_find = |w: &str| {
        matches!(
            w,
            "recovered"
                | "recover"
                | "recovering"
                | "seized"
                | "seize"
                | "seizing"
                | "found"
                | "cache"
                | "caches"
                | "confiscated"
                | "discovered"
                | "unearthed"
                | "haul"
        )
    };
    // Back through the list the noun is in, to its head.
    let before = (k.saturating_sub(10)..k)
        .rev()
        .take_while(|&j| !matches!(toks[j].lower.as_ref(), ";" | ":" | "." | "killed" | "fired"))
        .any(|j| is_find(&toks[j].lower));
    let after = (k + 1..(k + 4).min(toks.len()))
        .take_while(|&j| !matches!(toks[j].lower.as_ref(), ";" | ":" | "."))
        .any(|j| is_find(&toks[j].lower) && toks[j].lower != "cache");
    before || after
}

/// Whether `rest` (the text after a group's name) makes the name a possessive owner of a
/// government office: "'s interior ministry", "'s government". (Not "'s spokesman": a
/// group's spokesman claims for the group.)
fn names_its_office(rest: &str) -> bool {
    let Some(rest) = rest
        .strip_prefix("'s ")
        .or_else(|| rest.strip_prefix("’s "))
    else {
        return false;
    };
    let word = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    rest.split_whitespace().take(2).any(|w| {
        matches!(
            word(w).as_str(),
            "ministry"
                | "government"
                | "administration"
                | "interior"
                | "defence"
                | "defense"
                | "foreign"
                | "information"
        )
    })
}

/// Whether `rest` (the text after a place name) goes on as a dateline does: an optional
/// ", Country" and a bracket opening on a month ("KABUL, Afghanistan (Jan. 28, 2011)").
fn opens_a_dateline(rest: &str) -> bool {
    // A dateline is short: look no further than it could reach.
    let rest = &rest[..rest.char_indices().nth(48).map_or(rest.len(), |(b, _)| b)];
    let rest = rest.trim_start();
    let rest = match rest.strip_prefix(',') {
        Some(r) => r
            .trim_start()
            .trim_start_matches(|c: char| c.is_alphabetic() || c == ' '),
        None => rest,
    };
    rest.trim_start().strip_prefix('(').is_some_and(|r| {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        MONTHS.iter().any(|m| r.starts_with(m))
    })
}

/// Whether a sentence points back to an incident already told: "the attack", "the ambush",
/// "the dead", "the attackers", "of the wounded".
fn refers_back(words: &[String]) -> bool {
    words.windows(2).any(|w| {
        matches!(w[0].as_str(), "the" | "this" | "that")
            && matches!(
                w[1].as_str(),
                "attack"
                    | "ambush"
                    | "blast"
                    | "explosion"
                    | "bombing"
                    | "strike"
                    | "airstrike"
                    // "did not confirm the strikes".
                    | "strikes"
                    | "airstrikes"
                    | "attacks"
                    | "blasts"
                    | "bombings"
                    | "assault"
                    | "shooting"
                    | "incident"
                    | "dead"
                    | "wounded"
                    | "injured"
                    | "attackers"
                    | "assailants"
                    | "gunmen"
                    | "bomber"
                    | "victims"
            )
    }) || words.windows(4).any(|w| {
        // ISPR: "During the exchange of fire, Sepoy … embraced shahadat."
        w[0] == "the" && w[1] == "exchange" && w[2] == "of" && w[3] == "fire"
    })
}

/// Whether the words after "claimed" tell what befell the claimant's own people ("claimed
/// that several of its workers had been killed"): a grievance, not responsibility.
fn claims_own_losses(after: &[String]) -> bool {
    after.iter().enumerate().any(|(k, w)| {
        matches!(w.as_str(), "its" | "their")
            && after[k + 1..]
                .iter()
                .take(4)
                .any(|x| matches!(x.as_str(), "were" | "was" | "been" | "are" | "is"))
            && after[k + 1..].iter().take(6).any(|x| {
                matches!(
                    x.as_str(),
                    "killed"
                        | "injured"
                        | "wounded"
                        | "arrested"
                        | "detained"
                        | "abducted"
                        | "martyred"
                        | "shot"
                        | "tortured"
                )
            })
    })
}

/// Nouns for a force's men, named without a number: "police", "troops", "the FC".
fn is_force_noun(w: &str) -> bool {
    matches!(
        w,
        "police"
            | "policemen"
            | "troops"
            | "soldiers"
            | "levies"
            | "rangers"
            | "fc"
            | "army"
            | "ctd"
    )
}

/// A force's noun or the general "forces", "personnel" ("security forces", "FC personnel").
fn is_forces_word(w: &str) -> bool {
    is_force_noun(w) || matches!(w, "forces" | "personnel")
}

/// Whether the text tells the forces as the ones who fired or killed: "killed by police",
/// "in police firing", "firing by the Rangers", "police opened fire on the workers", "Police
/// shot dead a man", "Security forces shot dead a shopkeeper" (and "The Taliban shot dead a
/// man" when `taliban_govern`).
fn forces_did_it(words: &[String], taliban_govern: bool) -> bool {
    let forces = is_force_noun;
    let head = |x: &str| is_forces_word(x) || taliban_govern && x == "taliban";
    let modifier = |x: &str| {
        matches!(x, "security" | "intelligence" | "law" | "enforcement")
            || taliban_govern && matches!(x, "taliban" | "fighters" | "members")
    };
    // The forces as the subject of a deed: a head (and its modifiers) right before the verb,
    // not the object of a preposition before them.
    let subject_of = |k: usize| {
        // ("The Taliban publicly flogged a man".)
        let k = if k > 1 && words[k - 1].ends_with("ly") {
            k - 1
        } else {
            k
        };
        let mut j = k;
        while j > 0 && k - j < 3 && (head(&words[j - 1]) || modifier(&words[j - 1])) {
            j -= 1;
        }
        j < k
            && (head(&words[k - 1]) || taliban_govern && words[k - 1] == "fighters")
            && !(j > 0 && words[j - 1].bytes().all(|b| b.is_ascii_digit()))
            && !(j > 0
                && matches!(
                    words[j - 1].as_str(),
                    "by" | "of" | "on" | "at" | "with" | "against" | "and" | "to" | "from"
                ))
    };
    words.iter().enumerate().any(|(k, w)| match w.as_str() {
        "shot" | "killed" | "tortured" | "gunned" | "flogged" | "lashed" | "whipped" | "beat" => {
            // Active, with its object after it ("shot dead a man"), not "7 security forces
            // killed and 2 injured".
            let mut o = k + 1;
            if words
                .get(o)
                .is_some_and(|x| matches!(x.as_str(), "dead" | "down"))
            {
                o += 1;
            }
            subject_of(k)
                && words.get(o).is_some_and(|x| {
                    matches!(
                        x.as_str(),
                        "a" | "an" | "the" | "his" | "her" | "their" | "two" | "three" | "four"
                    ) || x.bytes().all(|b| b.is_ascii_digit())
                })
        }
        // "killed by police", "by the security forces" (not "a post guarded by police").
        "by" => {
            let mut j = k + 1;
            while words
                .get(j)
                .is_some_and(|x| matches!(x.as_str(), "the" | "security"))
            {
                j += 1;
            }
            let after = words.get(j).map(String::as_str);
            (after.is_some_and(forces) || after == Some("forces") && j > k + 1)
                && k >= 1
                && matches!(
                    words[k - 1].as_str(),
                    "killed" | "shot" | "injured" | "wounded" | "dead" | "fired" | "tortured"
                )
        }
        // "in police firing", "police fire".
        "firing" | "fire" => {
            k >= 1
                && forces(&words[k - 1])
                && !(k >= 2 && matches!(words[k - 2].as_str(), "on" | "at" | "upon"))
        }
        // "police opened fire on the workers", "police fired at the crowd".
        "opened" | "fired" => {
            k >= 1
                && forces(&words[k - 1])
                && words
                    .get(k + 1..(k + 4).min(words.len()))
                    .is_some_and(|n| n.iter().any(|x| matches!(x.as_str(), "on" | "at" | "upon")))
        }
        _ => false,
    })
}

/// Whether forces are told engaging an armed group: "police exchanged heavy fire with TTP
/// militants", "Levies personnel clashed with BLA militants" (forces before the verb, the group
/// after "with").
fn forces_fought_armed(words: &[String], named_armed: &[String]) -> bool {
    let forces = is_forces_word;
    let armed = |w: &str| {
        matches!(w, "militants" | "terrorists" | "insurgents" | "gunmen")
            || named_armed.iter().any(|n| n == w)
    };
    words.iter().enumerate().any(|(v, w)| {
        matches!(w.as_str(), "exchanged" | "traded" | "clashed")
            && words[v.saturating_sub(4)..v].iter().any(|x| forces(x))
            && words
                .iter()
                .skip(v + 1)
                .take(4)
                .position(|x| x == "with")
                .is_some_and(|p| words.iter().skip(v + 2 + p).take(4).any(|x| armed(x)))
    })
}

/// Whether someone was taken "by" the state's men: "picked up by security agencies",
/// "abducted by personnel of the intelligence agencies" (not "bodies of abducted passengers
/// were found by Security Forces").
fn taken_by_the_state(words: &[String]) -> bool {
    let taken = |w: &str| {
        matches!(
            w,
            "picked" | "taken" | "abducted" | "kidnapped" | "whisked" | "disappeared" | "lifted"
        )
    };
    words.iter().enumerate().any(|(k, w)| {
        w == "by"
            && (k >= 1 && taken(&words[k - 1])
                || k >= 2 && matches!(words[k - 1].as_str(), "up" | "away") && taken(&words[k - 2]))
            && words[k + 1..(k + 4).min(words.len())].iter().any(|x| {
                matches!(
                    x.as_str(),
                    "agencies"
                        | "forces"
                        | "personnel"
                        | "police"
                        | "army"
                        | "rangers"
                        | "fc"
                        | "ctd"
                        | "intelligence"
                )
            })
    })
}

/// The armed group whose name stands right before the noun of armed dead or hurt ("a Taliban
/// leader", "a TTP commander", "two BLA militants"): the group they belonged to. `armed` are
/// the event's named armed groups, in order; the first whose name holds the word is theirs.
fn victims_group<'a, A>(
    words: &[String],
    casualties: &[(usize, &Casualty)],
    armed: &[&'a (usize, A, String, String)],
) -> Option<&'a (usize, A, String, String)> {
    // One pass over the words, whatever the number of counts (a run-on text has many).
    let heads: rustc_hash::FxHashSet<&str> = casualties
        .iter()
        .filter(|(_, c)| c.role == Some(Role::Armed))
        .filter_map(|(_, c)| c.head.as_deref())
        .collect();
    if heads.is_empty() {
        return None;
    }
    let mut group_of: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    for (i, a) in armed.iter().enumerate() {
        for w in a.3.split_whitespace() {
            group_of.entry(w.to_lowercase()).or_insert(i);
        }
    }
    // "a TTP commander", or "a senior commander of the Tehreek-e-Taliban Pakistan".
    words
        .windows(2)
        .filter(|w| heads.contains(w[1].as_str()))
        .find_map(|w| group_of.get(&w[0]))
        .or_else(|| {
            words.windows(4).find_map(|w| {
                (heads.contains(w[0].as_str()) && w[1] == "of")
                    .then(|| {
                        let name = if matches!(w[2].as_str(), "the" | "banned" | "outlawed") {
                            &w[3]
                        } else {
                            &w[2]
                        };
                        group_of.get(name)
                    })
                    .flatten()
            })
        })
        .map(|&i| armed[i])
}

/// Whether the text says the armed side attacked state forces: "militants attacked a check
/// post", "TTP militants ambushed a military patrol", "came under attack in Kech by members of
/// the BRA", "an attack launched by militants", "security forces repulsed an attack".
fn armed_started_it(words: &[String], named_armed: &[String]) -> bool {
    let armed = |w: &str| {
        role_of(w) == Some(Role::Armed)
            || matches!(
                w,
                "militant" | "militants" | "attackers" | "gunmen" | "terrorists"
            )
            || named_armed.iter().any(|n| n == w)
    };
    let state_target = |w: &str| {
        role_of(w) == Some(Role::State)
            || matches!(
                w,
                "checkpost"
                    | "check-post"
                    | "checkpoint"
                    | "picket"
                    | "patrol"
                    | "convoy"
                    | "post"
                    | "security"
                    | "forces"
                    | "camp"
                    | "station"
                    // "attacked two army posts".
                    | "posts"
                    | "checkposts"
                    | "check-posts"
                    | "pickets"
                    | "army"
            )
    };
    let attack = |i: usize| {
        matches!(
            words[i].as_str(),
            "attacked" | "ambushed" | "stormed" | "raided" | "targeted"
        ) || (words[i] == "opened" && words.get(i + 1).is_some_and(|w| w == "fire"))
            || (words[i] == "started" && words.get(i + 1).is_some_and(|w| w == "firing"))
            // "militants fired rockets on check posts".
            || (words[i] == "fired"
                && words.get(i + 1).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "rockets" | "mortars" | "shells" | "at" | "on" | "upon" | "shots"
                    )
                }))
    };
    (0..words.len()).any(|i| {
        if attack(i) {
            let before = &words[i.saturating_sub(4)..i];
            let after = &words[i + 1..(i + 9).min(words.len())];
            return before.iter().any(|w| armed(w)) && after.iter().any(|w| state_target(w));
        }
        // "came under fire from militants", "an attack launched by militants".
        let from_armed = |k: usize| words[k..(k + 4).min(words.len())].iter().any(|w| armed(w));
        (words[i] == "under"
            && words
                .get(i + 1)
                .is_some_and(|w| w == "fire" || w == "attack")
            && (i + 2..(i + 6).min(words.len()))
                .find(|&k| words[k] == "from" || words[k] == "by")
                .is_some_and(|k| from_armed(k + 1)))
            // "security forces repulsed an attack on a checkpost"
            || (matches!(words[i].as_str(), "repulsed" | "repelled" | "foiled")
                && words[i + 1..(i + 4).min(words.len())]
                    .iter()
                    .any(|w| w == "attack" || w == "assault"))
            || (words[i] == "launched"
                && words.get(i + 1).is_some_and(|w| w == "by")
                && from_armed(i + 2))
    })
}

fn pick_place(sentences: Vec<(&SentenceFacts, bool)>) -> Option<(PlaceInfo, String)> {
    pick_place_ranked(sentences).map(|(p, id, _)| (p, id))
}

/// [`pick_place`], also telling whether the place chosen is weak: only an origin or a
/// grievance, or named where no trigger or count anchors it.
fn pick_place_ranked(sentences: Vec<(&SentenceFacts, bool)>) -> Option<(PlaceInfo, String, bool)> {
    // (place, distance to the nearest anchor)
    let mut cands: Vec<(&PlaceMention, usize)> = Vec::new();
    for (f, skip_dateline) in &sentences {
        for p in &f.places {
            if *skip_dateline && p.dateline {
                continue;
            }
            // The nearest anchor is one of the two around the place (anchors are sorted).
            let at = f.anchors.partition_point(|&a| a < p.begin);
            let dist = f.anchors[at.saturating_sub(1)..(at + 1).min(f.anchors.len())]
                .iter()
                .map(|a| a.abs_diff(p.begin))
                .min()
                .unwrap_or(usize::MAX / 2);
            // An origin or a protest's grievance ranks as if far from the event.
            let dist = if p.side {
                dist.saturating_add(usize::MAX / 4)
            } else {
                dist
            };
            cands.push((p, dist));
        }
    }
    // "X district, Y province": X must lie in Y; a namesake elsewhere is not meant.
    // (Lookups here go by binary search over the places in text order, so that a sentence
    // full of names stays linear.)
    let mut provinces: Vec<(usize, &str)> = cands
        .iter()
        .filter(|c| c.0.info.level == PlaceLevel::Admin1)
        .filter_map(|c| Some((c.0.begin, c.0.info.admin1.as_deref()?)))
        .collect();
    provinces.sort_unstable();
    cands.retain(|(c, _)| {
        c.info.level == PlaceLevel::Admin1
            || c.info.level == PlaceLevel::Country
            || !provinces[provinces.partition_point(|(q, _)| *q <= c.begin)..]
                .iter()
                .take_while(|(q, _)| *q - c.begin < 40)
                .any(|(_, a)| c.info.admin1.as_deref() != Some(*a))
    });
    // "Karimabad, Karachi": a town qualified by the city or district right after it lies in
    // that province; a namesake elsewhere is not meant. A list ("Lahore, Karachi and
    // Quetta") qualifies nothing.
    let mut in_order: Vec<&PlaceMention> = cands.iter().map(|c| c.0).collect();
    in_order.sort_by_key(|p| p.begin);
    // The places starting after `a` starts and at most `gap` past its end.
    let right_after = |a: &PlaceMention, gap: usize| {
        let last = a.end + gap;
        in_order[in_order.partition_point(|x| x.begin <= a.begin)..]
            .iter()
            .copied()
            .take_while(move |x| x.begin <= last)
    };
    let ends_a_list = |q: &PlaceMention| right_after(q, 6).next().is_none();
    // (The same of a district's namesake: "near Sarkai, Bajaur" is no district of Kunar.)
    let mut qualified: Vec<usize> = cands
        .iter()
        .map(|c| c.0)
        .filter(|c| matches!(c.info.level, PlaceLevel::Populated | PlaceLevel::Admin2))
        .filter(|c| {
            right_after(c, 3).any(|q| {
                matches!(q.info.level, PlaceLevel::Populated | PlaceLevel::Admin2)
                    && q.info.admin1.is_some()
                    && q.info.admin1 != c.info.admin1
                    && ends_a_list(q)
            })
        })
        .map(|c| c.begin)
        .collect();
    // "In Digri, Mirpurkhas": a town of the same province right after a town only says where
    // the first lies.
    let qualifiers = cands
        .iter()
        .map(|c| c.0)
        .filter(|c| c.info.level == PlaceLevel::Populated && c.info.admin1.is_some())
        .flat_map(|c| {
            right_after(c, 3).filter(move |q| {
                matches!(q.info.level, PlaceLevel::Populated | PlaceLevel::Admin2)
                    && c.info.admin1 == q.info.admin1
                    && ends_a_list(q)
            })
        })
        .map(|q| q.begin);
    qualified.extend(qualifiers);
    // "near Mashkaf in Bolan": a town said to lie in a district it is not in is a namesake
    // (or a misspelling read as one); the district stands.
    let misplaced = cands
        .iter()
        .map(|c| c.0)
        .filter(|c| c.info.level == PlaceLevel::Populated)
        .filter_map(|c| Some((c, c.in_after?)))
        .filter(|(c, gap)| {
            right_after(c, gap + 4).next().is_some_and(|q| {
                // ("Orangi Town in Karachi District": Karachi West is of Karachi.)
                q.info.level == PlaceLevel::Admin2
                    && q.info.country == c.info.country
                    && q.info
                        .admin2
                        .as_deref()
                        .zip(c.info.admin2.as_deref())
                        .is_some_and(|(district, town_in)| {
                            // ("Ladha in South Waziristan": Upper South Waziristan.)
                            !town_in.contains(district) && !district.contains(town_in)
                        })
            })
        })
        .map(|(c, _)| c.begin);
    qualified.extend(misplaced);
    qualified.sort_unstable();
    cands.retain(|c| qualified.binary_search(&c.0.begin).is_err());
    // "in the Barmal district of Paktika province … near the Angur Adda crossing": when every
    // district and province named lies in one country, a town of that name across the border
    // is the namesake, not the place.
    let admin_countries: Vec<&str> = cands
        .iter()
        .filter(|c| matches!(c.0.info.level, PlaceLevel::Admin1 | PlaceLevel::Admin2))
        .map(|c| c.0.info.country.as_str())
        .collect();
    // One stray district name across the border ("the Khugakhel Shinwari tribe … outside
    // the Peshawar Press Club") proves nothing against the theatre's own towns.
    if let Some(first) = admin_countries.first()
        && admin_countries.iter().all(|c| c == first)
    {
        let theatre = |c: &str| c == "PK" || c == "AF";
        cands.retain(|(c, _)| {
            c.info.level != PlaceLevel::Populated
                || c.info.country == *first
                || (admin_countries.len() < 2 && theatre(&c.info.country) && theatre(first))
        });
    }
    let rank = |p: &PlaceInfo| match p.level {
        PlaceLevel::Populated if !p.approximate => 0,
        PlaceLevel::Admin2 if !p.approximate => 1,
        PlaceLevel::Populated | PlaceLevel::Admin2 => 2,
        PlaceLevel::Admin1 => 3,
        PlaceLevel::Country => 4,
    };
    // "in Farah, Kandahar, Nangarhar and Paktiya provinces": one of a list of places of one
    // kind is a guess, weak beside a place named alone ("In Farah province, … detaining
    // several suspected insurgents"). Neighbours in text order, so this stays linear.
    // (A town and the place that qualifies it are no list.)
    let listed: Vec<usize> = in_order
        .windows(2)
        .filter(|w| w[0].info.level == w[1].info.level && w[1].begin <= w[0].end + 6)
        .filter(|w| {
            qualified.binary_search(&w[0].begin).is_err()
                && qualified.binary_search(&w[1].begin).is_err()
        })
        .flat_map(|w| [w[0].begin, w[1].begin])
        .collect();
    for (c, dist) in &mut cands {
        if listed.binary_search(&c.begin).is_ok() {
            *dist = dist.saturating_add(usize::MAX / 4);
        }
    }
    // An origin or a grievance is not where it happened, whatever its level: a district
    // of the event beats the town a protest is about ("in Sibi over the Youhanabad bombing").
    cands
        .into_iter()
        .min_by_key(|(c, dist)| (c.side, rank(&c.info), *dist, c.begin))
        // Weak: an origin or a grievance, or a place of sentences with nothing to anchor it.
        .map(|(c, dist)| (c.info.clone(), c.id.clone(), dist >= usize::MAX / 4))
}

/// Whether `words` (lower case) hold the words of `phrase` in a row.
fn has_phrase(words: &[String], phrase: &[&str]) -> bool {
    words
        .windows(phrase.len())
        .any(|x| x.iter().zip(phrase).all(|(a, b)| a == b))
}

/// Whether "accused" at `k` is a government's, an authority's or a community's accusation of
/// an incident ("Pakistan accused Afghan forces of firing mortars at Chaman, killing two
/// civilians", "residents accused police of …"), not a person's record ("a man accused of
/// killing two policemen", "was accused of"). (Not a spokesman's or a military's: "a Russian
/// military spokesman accused the coalition of killing more than 60 civilians … over the past
/// three days" sums days of strikes.)
fn accuses_of_an_incident(w: &[String], k: usize) -> bool {
    k > 0
        && matches!(
            w[k - 1].as_str(),
            "pakistan"
                | "afghanistan"
                | "india"
                | "islamabad"
                | "kabul"
                | "delhi"
                | "government"
                | "officials"
                | "authorities"
                | "residents"
                | "locals"
                | "villagers"
                | "elders"
                | "families"
                | "relatives"
        )
}

/// A sentence that describes a person's record ("responsible for attacks", "accused of
/// planning") rather than something that happened now: no counts and a background cue.
fn is_background(f: &SentenceFacts) -> bool {
    // Headlines tell past events in the present tense ("Force Conducts Precision Strike").
    if f.heading {
        return false;
    }
    let w = &f.words;
    // Counts told only after a record's cue are the record's, an earlier incident told in
    // passing: "The commander was linked to an IED attack that killed four U.S. soldiers",
    // "accused of … the killing of several ISAF soldiers". "A leader responsible for attacks
    // was killed" counts its dead before the cue; "targeted a leader responsible for an
    // attack …, detaining four suspects" tells its detentions after it.
    if !f.casualties.is_empty() {
        let cue = w.iter().enumerate().position(|(k, x)| {
            // (Officials who "blamed the TTP for Friday's bombing, which killed three" tell
            // this event; someone who "was blamed for an attack that killed four" a record.)
            x == "blamed"
                && k >= 1
                && matches!(w[k - 1].as_str(), "was" | "were" | "been" | "is" | "are")
                || matches!(
                    x.as_str(),
                    "linked" | "responsible" | "involved" | "connected" | "charges"
                    // A court's word: "sentenced two men to death for their role in the
                    // 2016 … bombing, which killed more than 70".
                    | "sentenced" | "convicted" | "acquitted" | "indicted"
                    // "observed the 11th anniversary of the Army Public School attack in
                    // which 147 people … were martyred".
                    | "anniversary"
                )
                // "Ten years after the Army Public School massacre that killed 147 people,
                // violence continues": a time long past measured from.
                || matches!(x.as_str(), "after" | "since")
                    && k >= 1
                    && matches!(
                        w[k - 1].as_str(),
                        "years" | "decade" | "decades" | "months"
                    )
                || x == "accused"
                // Not the noun before a name: "accused Abdul Maalik Bengali was killed in
                // an encounter".
                && (w.get(k + 1).is_some_and(|n| matches!(n.as_str(), "in" | "for"))
                    || w[k + 1..(k + 7).min(w.len())].iter().any(|n| n == "of"))
                && !accuses_of_an_incident(w, k)
        });
        return cue.is_some_and(|c| {
            f.casualties
                .iter()
                .all(|x| x.token > c && x.category != Category::Arrested)
        });
    }
    // "The suspects, who were allegedly planning attacks on Chinese nationals, were arrested
    // in a raid": who was arrested, described; the arrest is the event.
    let arrested = f.triggers.contains(&Trigger::Arrest)
        && w.windows(2).any(|p| {
            matches!(p[0].as_str(), "were" | "was")
                && matches!(
                    p[1].as_str(),
                    "arrested" | "detained" | "apprehended" | "nabbed" | "captured"
                )
        });
    if arrested {
        return false;
    }
    let has = |p: &[&str]| has_phrase(w, p);
    // "Barmal … has been hit by air strikes before": what has happened there in the past.
    // (Not "is suspected to have been carried out by the BLA, which has targeted workers
    // in the past": the suspicion is about this attack.)
    let perfect = has(&["has", "been"])
        || w.windows(2)
            .enumerate()
            .any(|(k, p)| p[0] == "have" && p[1] == "been" && (k == 0 || w[k - 1] != "to"));
    let past = perfect && (has(&["before", "."]) || has(&["in", "the", "past"]));
    past || has(&["responsible", "for"])
        || has(&["accused", "of"])
        || has(&["involved", "in"])
        || has(&["involved", "with"])
        || has(&["linked", "to"])
        || has(&["linked", "with"])
        || has(&["suspected", "of"])
        || has(&["known", "for"])
        || has(&["behind", "several"])
        || has(&["associated", "with"])
        || has(&["known", "to"])
        || w.iter().any(|x| {
            x.starts_with("facilitat")
                || x.starts_with("coordinat")
                || x.starts_with("plann")
                || x == "planned"
                // What someone habitually does: "the leader conducts attacks against
                // officials", "participates in roadside bomb attacks".
                || matches!(
                    x.as_str(),
                    "conducts" | "participates" | "directs" | "specializes" | "specialises"
                )
        })
        // "The leader directed roadside bombings and other attacks", "he leads attacks".
        || w.iter().enumerate().any(|(k, x)| {
            matches!(x.as_str(), "directed" | "leads" | "led")
                && w[k + 1..].iter().take(4).any(|y| {
                    matches!(
                        y.as_str(),
                        "attacks" | "bombings" | "ambushes" | "assassinations" | "kidnappings"
                    )
                })
        })
}

/// A figure told with its parts ("18 people, including five soldiers"): the sentence, the
/// whole, its people, the parts' sum and each part (count, head noun, role).
struct Parts {
    sentence: usize,
    whole: u32,
    role: Option<Role>,
    sum: u32,
    items: Vec<(u32, Option<String>, Option<Role>)>,
}

/// Sum counts of one category over an event's sentences without counting the same victims
/// twice: anaphora ("the two soldiers") and parts ("including three children") are skipped, a
/// figure repeated in a later sentence is a restatement, a running total ("the toll rose to
/// 17") replaces the sum when larger, and a count read from a singular subject ("the soldier
/// died") only stands when nothing firmer is said. Each item is (sentence index, count).
///
/// `claimed` says whether a sentence gives a claimant's word ("The BLA claimed …, saying its
/// fighters had killed 20 soldiers"): a claimant's figure and another's for the same people
/// compete, and the lower stands, as ACLED codes conflicting reports, with the range kept.
fn aggregate(
    casualties: &[(usize, &Casualty)],
    cat: Category,
    claimed: &dyn Fn(usize) -> bool,
) -> (Option<u32>, Option<u32>, Option<u32>) {
    let of_cat: Vec<&(usize, &Casualty)> = casualties
        .iter()
        .filter(|(_, c)| c.category == cat)
        .collect();
    let firm = of_cat
        .iter()
        .any(|(_, c)| !c.weak && !c.total && !c.anaphoric && !c.subset);
    let mut best: Option<u32> = None;
    let mut low = 0u32;
    let mut high: Option<u32> = Some(0);
    let mut seen: Vec<(usize, u32, Option<String>, Option<Role>)> = Vec::new();
    let mut total: Option<(u32, u32, Option<u32>)> = None;
    let mut last_plain: Option<(usize, u32, Option<Role>)> = None;
    let mut parts: Vec<Parts> = Vec::new();
    // Read once, not per figure (a long report stays linear): the last sentence with an exact
    // figure, and the first weak figure's token in each sentence.
    let last_exact = casualties
        .iter()
        .filter(|(_, o)| o.category == cat && !o.vague && !o.anaphoric && !o.subset && !o.weak)
        .map(|(s, _)| *s)
        .max();
    let mut first_weak: HashMap<usize, usize> = HashMap::default();
    for (s, o) in casualties
        .iter()
        .filter(|(_, o)| o.category == cat && o.weak)
    {
        let t = first_weak.entry(*s).or_insert(o.token);
        *t = (*t).min(o.token);
    }
    // The figures each sentence tells of its own (their sum, and whether every one is of
    // people told without saying who or of one side), to know a later sentence that breaks
    // an earlier figure down: "Four security personnel were killed … three Frontier Corps
    // personnel and one Levies soldier lost their lives".
    let mut told: HashMap<usize, (u32, usize, Option<Role>, bool)> = HashMap::default();
    for (s, c) in of_cat
        .iter()
        .filter(|(_, c)| !c.total && !c.anaphoric && !c.subset && !c.weak && !c.vague)
    {
        let plain = matches!(
            c.head.as_deref(),
            None | Some("men" | "man" | "people" | "persons" | "others")
        );
        let e = told.entry(*s).or_insert((0, 0, None, true));
        e.0 += c.count.best;
        e.1 += 1;
        if !plain {
            match e.2 {
                None => e.2 = c.role,
                Some(r) if Some(r) != c.role => e.3 = false,
                Some(_) => {}
            }
        }
    }
    let breaks_down = |s: usize, seen: &[(usize, u32, Option<String>, Option<Role>)]| {
        told.get(&s).is_some_and(|&(sum, n, role, one_side)| {
            n >= 2
                && one_side
                && seen
                    .iter()
                    .any(|(x, m, _, r)| *x < s && *m == sum && (role.is_none() || *r == role))
        })
    };
    for (sentence, c) in of_cat.iter().copied() {
        if c.total {
            let t = total.get_or_insert((0, 0, Some(0)));
            if c.count.best >= t.0 {
                *t = (c.count.best, c.count.low, c.count.high);
            }
            continue;
        }
        // "Several insurgents were killed … in Sangin, killing one insurgent": a summary's
        // vague figure is detailed by an exact one told in another sentence.
        let detailed = c.vague && last_exact.is_some_and(|s| s > *sentence);
        // "At least 18 people, including five soldiers, were killed": the parts of the
        // figure just told, kept to know them when a later sentence names them again.
        if c.subset
            && !c.anaphoric
            && let Some((ps, pn, pr)) = last_plain.filter(|p| p.0 == *sentence)
        {
            let part = (c.count.best, c.head.clone(), c.role);
            match parts.last_mut() {
                Some(p) if p.sentence == ps && p.whole == pn => {
                    p.sum += c.count.best;
                    p.items.push(part);
                }
                _ => parts.push(Parts {
                    sentence: ps,
                    whole: pn,
                    role: pr,
                    sum: c.count.best,
                    items: vec![part],
                }),
            }
        }
        // ("Gunmen attacked Rizvi and Ali … The two men were wounded": a figure that points
        // back to people no figure counted is the count of them.)
        // (Not those held: "the two suspects" detained are most often the captives of an
        // operation told as another event.)
        // (Only a few people named so at a sentence's start: "among the 1,725 people killed"
        // is a tally's.)
        let counts_anew = c.anaphoric
            && cat != Category::Arrested
            && !firm
            && !c.subset
            && seen.is_empty()
            && c.token <= 3
            && c.count.best <= 10;
        if (c.anaphoric && !counts_anew) || c.subset || (c.weak && firm) || detailed {
            best.get_or_insert(0);
            continue;
        }
        // "killed a senior Taliban leader and one other insurgent … Bahuddin and his
        // subordinate were both killed": a later sentence may give the sum of an earlier one.
        let earlier_sum = |s: usize| -> u32 {
            seen.iter()
                .filter(|(x, _, _, _)| *x == s)
                .map(|(_, n, _, _)| n)
                .sum()
        };
        // "detained the commander and one additional suspected insurgent", "the leader and a
        // suspected associate": with the one named just before, they may be the figure told
        // before.
        let beside_named = c.beside_named || first_weak.get(sentence).is_some_and(|&t| t < c.token);
        let own = c.count.best + u32::from(beside_named);
        let restated = (!c.additional || beside_named)
            && (seen.iter().any(|(s, n, h, r)| {
                // "killing the leader … One local child was killed": other people.
                let other_side = r.is_some() && c.role.is_some() && *r != c.role;
                *n == own
                    && !other_side
                    && (*s != *sentence || *h == c.head || h.is_none() || c.head.is_none())
            }) || seen
                .iter()
                .any(|(s, _, _, _)| *s < *sentence && own >= 2 && earlier_sum(*s) == own));
        // "… Five soldiers were martyred", "Thirteen civilians were also martyred": a part of
        // that figure named again, or the rest of it.
        let part_of_earlier = parts.iter().any(|p| {
            p.sentence < *sentence
                && (p.items.iter().any(|(n, h, r)| {
                    // (By role only for forces and fighters: "two women" are not "two
                    // children".)
                    *n == c.count.best
                        && (*h == c.head
                            || matches!(r, Some(Role::State | Role::Armed)) && *r == c.role)
                }) || p.whole > p.sum
                    && p.whole - p.sum == c.count.best
                    // Attackers are not the rest of "18 people" unless those were fighters.
                    && (c.role != Some(Role::Armed) || p.role == Some(Role::Armed)))
        });
        if restated || part_of_earlier || breaks_down(*sentence, &seen) {
            continue;
        }
        // "The BLA claimed its fighters had killed 20 soldiers. The military said 12 soldiers
        // were killed": two figures for the same people, not 32.
        if !c.additional
            && let Some(k) = seen.iter().position(|(s, n, h, r)| {
                // The forces by another name: "two soldiers … were killed. The BLA … said
                // its fighters had killed 14 security personnel". "Five people" told
                // without saying who are whoever the claimant names ("it had killed 25
                // Taliban members").
                let unnamed = |x: &Option<String>| {
                    matches!(x.as_deref(), Some("people" | "persons" | "individuals"))
                };
                let either_unnamed = unnamed(h) || unnamed(&c.head);
                *s != *sentence
                    && claimed(*s) != claimed(*sentence)
                    && (*h == c.head || *r == Some(Role::State) || either_unnamed)
                    && (*r == c.role || either_unnamed)
                    && *n != c.count.best
            })
        {
            // "killed at least 46 people …. Officials said the strikes killed several
            // militants": a vague figure in the other account leaves the told one.
            if c.vague {
                continue;
            }
            let n = seen[k].1;
            let m = c.count.best;
            best = best.map(|b| b - n + n.min(m));
            low = low - low.min(n) + n.min(m).min(c.count.low);
            high = high.map(|h| h - h.min(n) + n.max(m));
            seen[k].1 = n.min(m);
            continue;
        }
        seen.push((*sentence, c.count.best, c.head.clone(), c.role));
        last_plain = Some((*sentence, c.count.best, c.role));
        best = Some(best.unwrap_or(0) + c.count.best);
        low += c.count.low;
        high = match (high, c.count.high) {
            (Some(h), Some(x)) => Some(h + x),
            _ => None,
        };
    }
    if let Some((t, tl, th)) = total
        && t >= best.unwrap_or(0)
    {
        // "The death toll … rose to 18, including five soldiers … Six attackers were also
        // killed": the attackers told besides, in another sentence, are on top of the toll.
        let toll_sentences: Vec<usize> = of_cat
            .iter()
            .filter(|(_, c)| c.total)
            .map(|(s, _)| *s)
            .collect();
        let attackers_also: u32 = of_cat
            .iter()
            .filter(|(s, c)| {
                !toll_sentences.contains(s)
                    && c.additional
                    && c.role == Some(Role::Armed)
                    && !c.total
                    && !c.subset
                    && !c.anaphoric
            })
            .map(|(_, c)| c.count.best)
            .sum();
        return (
            Some(t + attackers_also),
            Some(tl + attackers_also),
            th.map(|h| h + attackers_also),
        );
    }
    // "The BLA claimed to have killed 15 soldiers …, but the military put the toll at four":
    // a toll lower than a claimant's figures stands, the claim kept as the range's top.
    if let (Some((t, tl, _)), Some(b)) = (total, best)
        && !seen.is_empty()
        && seen.iter().all(|(s, ..)| claimed(*s))
    {
        return (Some(t), Some(tl), Some(b.max(high.unwrap_or(b))));
    }
    match best {
        None => (None, None, None),
        Some(b) => (Some(b), Some(low), high),
    }
}

impl Stage for EventStage {
    fn name(&self) -> &'static str {
        "events"
    }

    fn process(&self, cx: &DocContext<'_>, ann: &mut Annotations) {
        let doc = cx.doc;
        let published = doc
            .meta
            .published
            .as_deref()
            .and_then(|p| NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok());
        // A date the first lines tell of an event ("involvement in the January 15, 2012
        // bomb blast") dates the report only when nothing else does.
        let line = dateline(&doc.text)
            .or_else(|| published.and_then(|p| dateline_without_year(&doc.text, p)))
            .filter(|l| published.is_none() || !told_in_a_sentence(&doc.text, l.1));
        let reference = line.map(|l| l.0).or(published);
        let mut facts: Vec<SentenceFacts> = ann
            .sentences
            .iter()
            .map(|s| {
                self.read_sentence(
                    cx,
                    ann,
                    s.span.begin,
                    s.span.end,
                    reference,
                    line.map(|l| l.1),
                )
            })
            .collect();
        // "… with 74 attacks recorded across the country. The attacks killed 91 people": the
        // sentence after a tally of incidents that speaks of "the attacks" goes on with it.
        // (The opening is asked first: most sentences do not open so, and the sentence
        // before is then not read.)
        for k in 1..facts.len() {
            let w = &facts[k].words;
            let opens_on_the_incidents = matches!(
                w.first().map(String::as_str),
                Some("the" | "these" | "those")
            ) && w.get(1).is_some_and(|x| is_plural_incident_word(x));
            if opens_on_the_incidents
                && (facts[k - 1].period_tally || counts_many_incidents(&facts[k - 1].words))
            {
                facts[k].period_tally = true;
            }
        }
        // The figures the report tells of single incidents, by category, read once a report
        // (so that a long report stays linear): their sum, what a summary of separate
        // incidents is weighed against, and whether any is told outside a summary of
        // operations, which then gives way to them.
        let mut detailed_totals = [0u32; 3];
        let mut operations_detailed = [false; 3];
        for f in facts.iter().filter(|f| !f.sums_operations) {
            for o in f.casualties.iter().filter(|o| !o.anaphoric && !o.subset) {
                operations_detailed[o.category as usize] = true;
                if !f.sums_incidents {
                    let t = &mut detailed_totals[o.category as usize];
                    *t = t.saturating_add(o.count.best);
                }
            }
        }

        // Group sentences into drafts.
        let mut drafts: Vec<Draft> = Vec::new();
        // Sentences that open another incident by its place ("In Turbat, …"), for the
        // merging and the places below, as "Separately, …" ones are.
        let mut fronted_split = vec![false; facts.len()];
        // Sentences that open on another day than the incident before theirs.
        let mut day_split = vec![false; facts.len()];
        for (i, f) in facts.iter().enumerate() {
            // "The attack was claimed by X": a sentence about blame that names the incident
            // only by an anaphoric trigger belongs to the incident just told.
            let blame_only = (!f.claimed_by.is_empty()
                || !f.blamed.is_empty()
                || !f.denied_by.is_empty()
                || f.words.iter().any(|w| w == "responsibility"))
                && f.casualties.is_empty()
                && f.triggers.iter().all(|t| *t == Trigger::Attack)
                && drafts.last().is_some_and(|d| d.class == Class::Violent);
            // "The TTP threatened to attack polling stations": a threat, not an attack (a
            // sentence that also counts victims tells what happened).
            // Only the word for an attack: "Coalition aircraft struck a commander who had
            // threatened to attack polling stations" tells a strike.
            let only_threatened = f.casualties.is_empty()
                && f.verbal == Some("13")
                && (f.violence_threatened || f.triggers.iter().all(|t| *t == Trigger::Attack))
                && f.threat_cue;
            // "Police arrested two men who were planning to attack a church": the attack was
            // only planned; the arrest is what happened.
            let only_planned_attack = f.triggers.contains(&Trigger::Arrest)
                && f.triggers
                    .iter()
                    .all(|t| matches!(t, Trigger::Attack | Trigger::Arrest))
                && f.casualties
                    .iter()
                    .all(|c| c.category == Category::Arrested)
                && f.words.windows(2).any(|w| {
                    matches!(
                        (w[0].as_str(), w[1].as_str()),
                        (
                            "planning" | "plotting" | "preparing" | "planned" | "intending",
                            "to"
                        )
                    )
                });
            let class = class_of(&f.triggers, &f.casualties)
                .filter(|_| !blame_only)
                .filter(|c| *c != Class::Violent || !only_threatened)
                .map(|c| {
                    if c == Class::Violent && only_planned_attack {
                        Class::Arrest
                    } else {
                        c
                    }
                })
                .filter(|c| !matches!(c, Class::Violent | Class::Arrest) || !is_background(f))
                .filter(|c| !matches!(c, Class::Violent | Class::Arrest) || !f.period_tally)
                // Party workers or students fighting each other riot; they are not armed groups.
                // Armed men who storm or burn are attackers, not rioters.
                .map(|c| {
                    if c == Class::Violent
                        && (is_crowd_clash(f)
                            || is_mob_clash(f)
                            || disperses_a_crowd(f)
                            || protesters_fight(f))
                    {
                        Class::Protest
                    } else if c == Class::Protest && arrests_ahead_of_a_protest(f) {
                        Class::Arrest
                    } else if c == Class::Protest
                        && !f.triggers.contains(&Trigger::Protest)
                        && (f.generic.contains(&Role::Armed)
                            || f.actors.iter().any(|a| is_armed_info(&a.1))
                            // "Unidentified people set fire to a girls' school": no crowd.
                            || f.words.iter().any(|w| {
                                matches!(w.as_str(), "unidentified" | "unknown" | "miscreants")
                            }) && only_burns_property(f))
                    {
                        // Armed men who only burn ("set ablaze six NATO oil tankers; no one
                        // was hurt") destroy property; ACLED's looting/property destruction.
                        if only_burns_property(f) {
                            Class::Strategic
                        } else {
                            Class::Violent
                        }
                    } else {
                        c
                    }
                });
            // "They were baton-charged by police and some were beaten": how the protest just
            // told was broken up, not an attack of its own.
            let breaks_up_protest = tells_intervention(&f.words)
                && drafts.last().is_some_and(|d| {
                    d.class == Class::Protest && i - d.sentences.last().copied().unwrap_or(0) <= 2
                });
            let class = class.map(|c| {
                if c == Class::Violent && breaks_up_protest && !f.separate {
                    Class::Protest
                } else {
                    c
                }
            });
            let Some(class) = class else {
                // A responsibility claim or a denial belongs to the incident just told.
                // ("The slain men belonged to the proscribed TTP": whose the dead were.)
                let whose_the_dead = f.actors.iter().any(|a| is_armed_info(&a.1))
                    && f.words.first().is_some_and(|w| w == "the")
                    && f.words.get(1).is_some_and(|w| {
                        matches!(
                            w.as_str(),
                            "slain" | "dead" | "deceased" | "killed" | "militants" | "terrorists"
                        )
                    })
                    && f.words.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "belonged" | "belonging" | "members" | "affiliated" | "associated"
                        )
                    });
                let about_blame = !f.claimed_by.is_empty()
                    || !f.blamed.is_empty()
                    || !f.denied_by.is_empty()
                    || f.event_denied
                    || whose_the_dead
                    || f.words.iter().any(|w| w == "responsibility");
                if about_blame
                    && let Some(d) = drafts.iter_mut().rev().find(|d| d.class == Class::Violent)
                    && i - d.sentences.last().copied().unwrap_or(0) <= 4
                {
                    d.sentences.push(i);
                    continue;
                }
                // "Police used tear gas to disperse the crowd" tells how the protest just told
                // ended.
                if breaks_up_protest && let Some(d) = drafts.last_mut() {
                    d.sentences.push(i);
                    continue;
                }
                // ("Delegations from Pakistan and Afghanistan held talks": two countries
                // named together are the parties to talks.)
                let countries: Vec<&PlaceMention> = f
                    .places
                    .iter()
                    .filter(|p| !p.dateline && p.info.level == PlaceLevel::Country)
                    .collect();
                let two_parties = f.verbal == Some("04")
                    && countries.windows(2).any(|w| {
                        cx.offsets
                            .slice(&cx.doc.text, w[0].end, w[1].begin)
                            .is_some_and(|between| between.trim() == "and")
                    });
                // "The banned TTP warned political parties … In a statement, the group said
                // the leaders … would be targeted": the group just named goes on speaking.
                let goes_on = f.attribution.as_ref().is_some_and(|(source, _)| {
                    matches!(
                        source.to_lowercase().as_str(),
                        "the group" | "the outfit" | "the organisation" | "the organization" | "it"
                    )
                });
                if goes_on
                    && let Some(d) = drafts.last_mut()
                    && d.class == Class::Verbal
                    && i - d.sentences.last().copied().unwrap_or(0) <= 1
                {
                    d.sentences.push(i);
                    continue;
                }
                if let Some(_code) = f.verbal
                    && (!f.actors.is_empty()
                        || f.words.iter().any(|w| w == "minister")
                        || two_parties)
                {
                    drafts.push(Draft {
                        class: Class::Verbal,
                        sentences: vec![i],
                        core: 1,
                    });
                }
                continue;
            };
            // "… arrested 15 members of ISKP in a raid. Weapons and explosives were also
            // seized": the raid's haul, not a seizure of its own.
            if class == Class::Strategic
                && f.triggers.contains(&Trigger::Disrupted)
                && f.casualties.is_empty()
                && !f.separate
                // (A find told at a place of its own is its own: "Security forces also
                // defused an IED in Nawagai".)
                && f.places.iter().all(|p| p.dateline)
                // ("… were recovered from the slain terrorists": theirs, "also" or not.)
                && (f.words.iter().any(|w| w == "also")
                    || f.words.iter().enumerate().any(|(k, w)| {
                        w == "from"
                            && f.words[k + 1..(k + 4).min(f.words.len())].iter().any(|x| {
                                matches!(
                                    x.as_str(),
                                    "slain"
                                        | "killed"
                                        | "dead"
                                        | "arrested"
                                        | "detained"
                                        | "them"
                                        | "possession"
                                        | "suspects"
                                        | "accused"
                                )
                            })
                    }))
                // A haul taken, not a bomb defused.
                && f.words.iter().any(|w| {
                    matches!(
                        w.as_str(),
                        "seized" | "recovered" | "confiscated" | "found" | "discovered"
                    )
                })
                && let Some(d) = drafts.last_mut()
                && matches!(d.class, Class::Arrest | Class::Violent)
                && i - d.sentences.last().copied().unwrap_or(0) <= 1
            {
                d.sentences.push(i);
                continue;
            }
            let arrests_here = f
                .casualties
                .iter()
                .any(|c| c.category == Category::Arrested)
                || f.triggers.contains(&Trigger::Arrest);
            // "A mob lynched a man … Eight people, including policemen, were injured": a toll
            // with no deed of its own, right after a riot, is the riot's.
            if class == Class::Violent
                && f.triggers.iter().all(|t| *t == Trigger::Attack)
                && tells_only_a_toll(&f.words)
                && !f.separate
                && !f.casualties.is_empty()
                && f.casualties
                    .iter()
                    .all(|c| matches!(c.category, Category::Killed | Category::Injured))
                && let Some(d) = drafts.last_mut()
                && d.class == Class::Protest
                && i - d.sentences.last().copied().unwrap_or(0) <= 2
                // (The draft's last few sentences: a long run of tolls stays linear.)
                && d.sentences.iter().rev().take(3).any(|&k| {
                    facts[k].triggers.contains(&Trigger::Riot)
                        || is_crowd_clash(&facts[k])
                        || is_mob_clash(&facts[k])
                })
            {
                d.sentences.push(i);
                continue;
            }
            // Only recent drafts can take the sentence (they must end within three sentences),
            // and one incident is told in a handful of sentences: a long run of similar
            // sentences is a list of incidents, not one.
            let recent = drafts.len().saturating_sub(8);
            // ("… a bomb targeted a police van … Last month, 20 coal miners were killed in an
            // attack in Duki … The chief minister condemned the blast": the blast is the
            // bombing told, not the latest incident.)
            let bombing = |d: &Draft| tells_a_bombing(&facts, &d.sentences);
            let the_blast =
                class == Class::Violent && f.casualties.is_empty() && names_the_blast(&f.words);
            let attachable = |d: &Draft| {
                d.sentences.len() < MAX_SENTENCES_PER_EVENT
                    && (d.class == class || (class == Class::Violent && d.class == Class::Violent))
            };
            let attach_to = drafts[recent..]
                .iter()
                .rposition(|d| attachable(d) && bombing(d))
                .filter(|_| the_blast)
                .or_else(|| drafts[recent..].iter().rposition(attachable))
                .map(|k| k + recent);
            let continues = match attach_to.map(|k| &drafts[k]) {
                Some(d) if !f.separate => {
                    let last = *d.sentences.last().unwrap_or(&0);
                    let near = i - last <= 3;
                    let prev_places: Vec<&PlaceInfo> = d
                        .sentences
                        .iter()
                        .flat_map(|&k| {
                            facts[k]
                                .places
                                .iter()
                                .filter(|p| !p.dateline)
                                .map(|p| &p.info)
                        })
                        .collect();
                    // A country named in passing ("a splinter group of the Pakistan's
                    // Taliban") does not move the incident.
                    let own: Vec<&PlaceInfo> = f
                        .places
                        .iter()
                        .filter(|p| !p.dateline && p.info.level != PlaceLevel::Country)
                        .map(|p| &p.info)
                        .collect();
                    // A roundup's next item, fronted by its place ("QUETTA: … a grenade … on
                    // Jinnah Road. In Turbat, a government employee was shot dead"): another
                    // incident unless that place lies within the draft's, dateline included.
                    let fronted = f.places.first().filter(|p| {
                        !p.dateline
                            && p.info.level != PlaceLevel::Country
                            && cx.offsets.slice(&cx.doc.text, f.begin, p.begin) == Some("In ")
                            && cx.offsets.slice(&cx.doc.text, p.end, p.end + 1) == Some(",")
                    });
                    // ("Militants carried out three attacks in Khyber Pakhtunkhwa on Tuesday.
                    // In Lakki Marwat, …. In Bannu, …": under a summary of several attacks,
                    // the province holds them all; each district fronted is its own.)
                    let fronted_elsewhere = fronted.is_some_and(|p| {
                        let summary = d
                            .sentences
                            .first()
                            .is_some_and(|&k| counts_several_attacks(&facts[k].words));
                        !d.sentences
                            .iter()
                            .flat_map(|&k| facts[k].places.iter())
                            .filter(|q| {
                                !summary
                                    || matches!(
                                        q.info.level,
                                        PlaceLevel::Populated | PlaceLevel::Admin2
                                    )
                            })
                            .any(|q| {
                                place_within(&p.info, &q.info) || place_within(&q.info, &p.info)
                            })
                    });
                    fronted_split[i] = fronted_elsewhere;
                    // "… martyred when militants ambushed a police patrol on Tuesday. On
                    // Wednesday, police and the army launched a joint operation and killed three
                    // of the attackers": a sentence that opens on another day than the draft's
                    // tells another incident.
                    let day_of = |f: &SentenceFacts, fronted: bool| {
                        f.dates
                            .iter()
                            .filter(|x| x.granularity == DateGranularity::Day)
                            .find(|x| {
                                !fronted
                                    || cx
                                        .doc
                                        .text
                                        .get(cx.offsets.byte_of(f.begin)..x.span.0)
                                        .is_some_and(|t| matches!(t, "On " | "on " | ""))
                            })
                            .map(|x| x.start)
                    };
                    let another_day = class == Class::Violent
                        && !f.casualties.is_empty()
                        && day_of(f, true).is_some_and(|day| {
                            let told: Vec<NaiveDate> = d
                                .sentences
                                .iter()
                                .filter_map(|&k| day_of(&facts[k], false))
                                .collect();
                            !told.is_empty() && !told.contains(&day)
                        });
                    day_split[i] = another_day;
                    let same_place = !fronted_elsewhere
                        && !another_day
                        && (own.is_empty()
                            || prev_places.is_empty()
                            || own.iter().any(|p| {
                                prev_places
                                    .iter()
                                    .any(|q| place_within(p, q) || place_within(q, p))
                            }));
                    // "Hundreds took to the streets across Azad Kashmir … The demonstrations
                    // coincided with Republic Day in India": the protest just told; places
                    // abroad in the sentence are what it is about.
                    let abroad = !own.is_empty()
                        && own.iter().all(|p| {
                            prev_places
                                .iter()
                                .all(|q| q.level == PlaceLevel::Country || q.country != p.country)
                        });
                    let the_protest_again = class == Class::Protest
                        && abroad
                        && matches!(
                            f.words.first().map(String::as_str),
                            Some("the" | "these" | "those")
                        )
                        && f.words.get(1).is_some_and(|w| {
                            matches!(
                                w.as_str(),
                                "protest"
                                    | "protests"
                                    | "demonstration"
                                    | "demonstrations"
                                    | "rally"
                                    | "rallies"
                                    | "protesters"
                                    | "protestors"
                                    | "demonstrators"
                                    | "sit-in"
                                    | "march"
                            )
                        });
                    near && (same_place || the_protest_again)
                        && (drafts.len() - 1 == attach_to.unwrap_or(0) || class == Class::Violent)
                }
                _ => false,
            };
            if continues {
                let k = attach_to.expect("checked");
                drafts[k].sentences.push(i);
                drafts[k].core = drafts[k].sentences.len();
            } else {
                drafts.push(Draft {
                    class,
                    sentences: vec![i],
                    core: 1,
                });
            }
            // Detentions told inside a violent sentence are an arrest event of their own.
            if class == Class::Violent
                && arrests_here
                && f.casualties
                    .iter()
                    .any(|c| c.category == Category::Arrested)
            {
                drafts.push(Draft {
                    class: Class::Arrest,
                    sentences: vec![i],
                    core: 1,
                });
            }
        }

        // A later violent draft that speaks of "the ambush", "the attack" or "the dead" without
        // saying it is another incident tells more of the one before ("Six of the wounded
        // died overnight in Peshawar"; "The convoy had just left Thall when gunmen opened fire").
        let mut merged: Vec<Draft> = Vec::with_capacity(drafts.len());
        for d in drafts {
            let first = &facts[d.sentences[0]];
            // A press release's lead gives the toll and a later paragraph tells how it came
            // about ("killed a senior Taliban leader and one other insurgent … A firefight
            // ensued, and Bahuddin and his subordinate were both killed"): a later draft whose
            // dead are the lead's figure again (or vague), at no other place, is the same.
            // Within a few sentences, and never a whole list of like reports in one.
            let tells_toll_again = |prev: &Draft, category: Category| {
                d.sentences[0] <= prev.sentences.last().copied().unwrap_or(0) + 12
                    && prev.sentences.len() + d.sentences.len() <= MAX_SENTENCES_TOLD_AGAIN
                    && restates_toll(&facts, &prev.sentences, &d.sentences, category)
            };
            // The same for detentions: "detained two suspected insurgents … two individuals
            // with suspected ties to the Taliban were detained for further questioning".
            // "A mob lynched a man … after storming the police station. Eight policemen
            // were injured in the attack on the station": the mob's attack, told again.
            let riot_told_again = merged.last().is_some_and(|prev| {
                d.class == Class::Violent
                    && d.sentences.len() == 1
                    && prev.class == Class::Protest
                    && prev
                        .sentences
                        .iter()
                        .any(|&k| facts[k].triggers.contains(&Trigger::Riot))
                    && d.sentences[0] == prev.sentences.last().copied().unwrap_or(0) + 1
                    && first.triggers.iter().all(|t| *t == Trigger::Attack)
                    && first.actors.is_empty()
                    && !first.generic.contains(&Role::Armed)
                    && refers_back(&first.words)
            });
            let again = match d.class {
                _ if riot_told_again => merged.last_mut(),
                // ("… a bomb targeted a police van … Last month, 20 coal miners were killed
                // in an attack in Duki … The chief minister condemned the blast": the blast
                // is the bombing, not the latest incident told.)
                Class::Violent => {
                    let bombing = |p: &Draft| tells_a_bombing(&facts, &p.sentences);
                    let the_blast = names_the_blast(&first.words)
                        && merged
                            .iter()
                            .any(|p| p.class == Class::Violent && bombing(p));
                    merged
                        .iter_mut()
                        .rev()
                        .find(|p| p.class == Class::Violent && (!the_blast || bombing(p)))
                        .filter(|prev| {
                            refers_back(&first.words) || tells_toll_again(prev, Category::Killed)
                        })
                }
                Class::Arrest => merged
                    .iter_mut()
                    .rev()
                    .find(|p| p.class == Class::Arrest)
                    .filter(|prev| tells_toll_again(prev, Category::Arrested)),
                _ => None,
            };

            if !first.separate
                && !fronted_split[d.sentences[0]]
                && !day_split[d.sentences[0]]
                && let Some(prev) = again
            {
                prev.sentences.extend(d.sentences);
                prev.sentences.sort_unstable();
                prev.sentences.dedup();
                continue;
            }
            merged.push(d);
        }
        // A headline above the dateline ("Several Insurgents Detained in Khost") names the
        // story the release then tells: it joins the first event of its kind below.
        let headline_end = line.map(|l| l.1.0);
        let is_headline = |d: &Draft| {
            headline_end.is_some_and(|h| {
                d.sentences
                    .iter()
                    .all(|&k| cx.offsets.byte_of(facts[k].end) <= h)
            })
        };
        let mut drafts: Vec<Draft> = Vec::with_capacity(merged.len());
        let mut pending: Vec<Draft> = Vec::new();
        for mut d in merged {
            if is_headline(&d) {
                pending.push(d);
                continue;
            }
            if let Some(k) = pending.iter().position(|h| h.class == d.class) {
                let h = pending.remove(k);
                d.core += h.sentences.len();
                d.sentences.splice(0..0, h.sentences);
            }
            drafts.push(d);
        }
        // Headlines with no story of their kind below stand as told.
        drafts.extend(pending);
        drafts.sort_by_key(|d| d.sentences.first().copied().unwrap_or(0));

        // Country of the document: the most named one among places.
        let mut country_votes: HashMap<String, usize> = HashMap::default();
        for f in &facts {
            for p in &f.places {
                *country_votes.entry(p.info.country.clone()).or_default() += 1;
            }
        }
        // No place at all: the theatre country whose nationality the report names ("12 Afghan
        // soldiers"), rather than a guess.
        if country_votes.is_empty() {
            for w in facts.iter().flat_map(|f| f.words.iter()) {
                if w.len() >= 5
                    && w.starts_with(|c: char| c.is_ascii_alphabetic())
                    && let Some(c) = self.kb.nationality(w)
                    && (c == "PK" || c == "AF")
                {
                    *country_votes.entry(c).or_default() += 1;
                }
            }
        }
        let doc_country = country_votes
            .into_iter()
            .max_by_key(|(c, n)| (*n, c == "PK"))
            .map(|(c, _)| c);

        let report_forces = std::cell::OnceCell::new();
        // Which sentences tell an event said to be another ("Separately, …", "In another
        // incident …"): their places are not for an event that names none.
        let mut told_separately = vec![false; facts.len()];
        for d in drafts
            .iter()
            .filter(|d| facts[d.sentences[0]].separate || fronted_split[d.sentences[0]])
        {
            for k in &d.sentences {
                told_separately[*k] = true;
            }
        }
        // "Militants carried out three attacks in Khyber Pakhtunkhwa on Tuesday. In Lakki
        // Marwat, …": a summary of the incidents told one by one after it is none of them.
        let sums_what_follows = |k: usize| {
            let d: &Draft = &drafts[k];
            d.sentences.len() == 1
                && facts[d.sentences[0]].casualties.is_empty()
                && counts_several_attacks(&facts[d.sentences[0]].words)
                && drafts
                    .get(k + 1)
                    .is_some_and(|next| fronted_split[next.sentences[0]])
        };
        let summaries: Vec<bool> = (0..drafts.len()).map(sums_what_follows).collect();
        for (d, _) in drafts
            .into_iter()
            .zip(summaries)
            .filter(|(_, summary)| !summary)
        {
            if let Some(ev) = self.finish(
                cx,
                &facts,
                &d,
                reference,
                &ReportWide {
                    doc_country: doc_country.as_deref(),
                    report_forces: &report_forces,
                    told_separately: &told_separately,
                    roundup: fronted_split.contains(&true),
                    detailed_totals,
                    operations_detailed,
                },
            ) {
                let captivity = (ev.sub_event_type == "Attack")
                    .then(|| abduction_before_the_killing(&facts, &d, &ev))
                    .flatten();
                ann.events.push(ev);
                ann.events.extend(captivity);
            }
        }
        ann.events
            .sort_by_key(|e| e.evidence.first().map(|x| x.begin).unwrap_or(usize::MAX));
    }
}

impl EventStage {
    /// The place the first actor with a home area in these sentences is based in.
    fn actor_area<'f>(
        &self,
        sentences: impl Iterator<Item = &'f SentenceFacts>,
    ) -> Option<(PlaceInfo, String, bool)> {
        sentences.flat_map(|f| f.actors.iter()).find_map(|a| {
            let area = a.1.area.as_deref()?;
            Some((self.kb.place(area)?, area.to_owned(), false))
        })
    }

    /// The area of the first named military operation in these sentences: a name of one to
    /// three words ("Zarb-e-Azb", "Khyber 1", "Rah e Nijat") next to "operation".
    fn operation_area<'f>(
        &self,
        sentences: impl Iterator<Item = &'f SentenceFacts>,
    ) -> Option<(PlaceInfo, String, bool)> {
        sentences.into_iter().find_map(|f| {
            let w = &f.words;
            (0..w.len()).find_map(|i| {
                let near_cue = |k: usize| {
                    matches!(
                        w.get(k).map(String::as_str),
                        Some("operation" | "operations")
                    )
                };
                (1..=3).filter(|n| i + n <= w.len()).find_map(|n| {
                    let cued = (i >= 1 && near_cue(i - 1))
                        || (i >= 2 && near_cue(i - 2))
                        || near_cue(i + n);
                    if !cued {
                        return None;
                    }
                    let area = self.kb.operation_area(&w[i..i + n].concat())?;
                    Some((self.kb.place(&area)?, area, false))
                })
            })
        })
    }

    fn actor_from_info(&self, a: &ActorInfo, id: &str) -> Actor {
        Actor {
            name: a.name.clone(),
            entity_id: Some(EntityId::from(id)),
            actor_type: Some(a.actor_type.as_str().to_owned()),
        }
    }

    /// A tribe's militia, by the tribe's name where the text gives it ("Turi Tribal Militia
    /// (Pakistan)"), as ACLED names them.
    fn tribal_militia(&self, name: Option<String>, cc: Option<&str>) -> Actor {
        let country = cc
            .and_then(|c| self.kb.country_name(c))
            .map_or(String::new(), |n| format!(" ({n})"));
        Actor {
            name: format!(
                "{} Tribal Militia{country}",
                name.as_deref().unwrap_or("Unidentified")
            ),
            entity_id: None,
            actor_type: Some(ActorType::IdentityMilitia.as_str().to_owned()),
        }
    }

    fn generic_actor(
        &self,
        role: Role,
        country: Option<&str>,
        police: bool,
        words: &[String],
        date: Option<NaiveDate>,
    ) -> Actor {
        // "Two Chinese nationals were killed" in Karachi: civilians of their own country.
        if role == Role::Civilian
            && let Some(name) = foreign_civilians(words, country)
        {
            return Actor {
                name: format!("Civilians ({name})"),
                entity_id: None,
                actor_type: Some(ActorType::Civilians.as_str().to_owned()),
            };
        }
        let cc = country.unwrap_or("PK").to_ascii_lowercase();
        let id = match role {
            Role::Armed => format!("actor:unidentified-armed-group-{cc}"),
            Role::Civilian => format!("actor:civilians-{cc}"),
            Role::State => {
                if cc == "af" {
                    let after_2021 = date
                        .is_some_and(|d| d >= NaiveDate::from_ymd_opt(2021, 8, 15).expect("date"));
                    if after_2021 {
                        "actor:af-military-2021".into()
                    } else if police
                        && words
                            .iter()
                            .any(|w| matches!(w.as_str(), "police" | "policemen" | "anp"))
                    {
                        // "Police in Kandahar arrested five suspects" (before 2021); not
                        // arrests the police are only presumed to make.
                        "actor:anp-af".into()
                    } else {
                        "actor:andsf".into()
                    }
                } else if police {
                    format!("actor:police-{cc}")
                } else {
                    format!("actor:{cc}-military")
                        .replace("actor:pk-military", "actor:pak-military")
                }
            }
            Role::Foreign => {
                if words
                    .iter()
                    .any(|w| w == "isaf" || w == "coalition" || w == "combined")
                {
                    "actor:isaf".into()
                } else {
                    "actor:us-military".into()
                }
            }
        };
        match self.kb.actor(&id) {
            Some(a) => self.actor_from_info(&a, &id),
            // A country the actor list does not cover ("killing nine people" in Iran): ACLED's
            // names with the country's, where it is known.
            None => Actor {
                name: match (role, country.and_then(|c| self.kb.country_name(c))) {
                    (Role::Armed, Some(c)) => format!("Unidentified Armed Group ({c})"),
                    (Role::Civilian, Some(c)) => format!("Civilians ({c})"),
                    (Role::State, Some(c)) if police => {
                        format!("Police Forces of {}", with_article(&c))
                    }
                    (Role::State, Some(c)) => format!("Military Forces of {}", with_article(&c)),
                    (Role::Armed, None) => "Unidentified Armed Group".into(),
                    (Role::Civilian, None) => "Civilians".into(),
                    (Role::State, None) => "State forces".into(),
                    (Role::Foreign, _) => "Foreign forces".into(),
                },
                entity_id: None,
                actor_type: Some(
                    match role {
                        Role::Armed => ActorType::PoliticalMilitia,
                        Role::Civilian => ActorType::Civilians,
                        Role::State => ActorType::StateForces,
                        Role::Foreign => ActorType::ExternalOther,
                    }
                    .as_str()
                    .to_owned(),
                ),
            },
        }
    }

    fn finish(
        &self,
        cx: &DocContext<'_>,
        facts: &[SentenceFacts],
        d: &Draft,
        reference: Option<NaiveDate>,
        report: &ReportWide<'_>,
    ) -> Option<Event> {
        let ReportWide {
            doc_country,
            report_forces,
            told_separately,
            roundup,
            detailed_totals,
            operations_detailed,
        } = *report;
        let fs: Vec<&SentenceFacts> = d.sentences.iter().map(|&i| &facts[i]).collect();
        // Others than an armed group tell the violence.
        let others_report = d.class == Class::Violent
            && fs.iter().any(|f| {
                !f.anchors.is_empty() && f.attribution.is_some() && !an_armed_group_speaks(f)
            });
        // "… killing at least seven policemen, the provincial police chief said. A Taliban
        // spokesman claimed the group's fighters had captured several checkpoints": a place
        // taken only in the group's own word, where others tell the fight, is its claim.
        let triggers: Vec<Trigger> = fs
            .iter()
            .flat_map(|f| {
                let its_claim = others_report && an_armed_group_speaks(f);
                f.triggers
                    .iter()
                    .copied()
                    .filter(move |t| !(its_claim && *t == Trigger::Territory))
            })
            .collect();
        let words: Vec<String> = fs.iter().flat_map(|f| f.words.iter().cloned()).collect();
        // A protest's dead are protesters; "to demand the arrest of a man accused of murdering
        // a youth" tells the grievance, unless force is used on the crowd in that sentence.
        // "A mob dragged out a tourist accused of blasphemy and lynched him": the mob's own
        // killing, not a grievance.
        let mob_kills = |f: &SentenceFacts| {
            f.words.iter().any(|w| w == "mob") && !f.triggers.contains(&Trigger::Protest)
        };
        let grievance_told = |f: &SentenceFacts, c: &Casualty| {
            d.class == Class::Protest
                && c.category == Category::Killed
                && f.words[..c.token.min(f.words.len())]
                    .iter()
                    .enumerate()
                    .any(|(i, w)| {
                        turns_to_a_grievance(&f.words, i)
                            || matches!(
                                w.as_str(),
                                "accused"
                                    | "arrest"
                                    | "demand"
                                    | "demanding"
                                    | "demanded"
                                    | "justice"
                                    // "Family members of a woman who was burnt to death
                                    // … staged a protest": the mourners protest.
                                    | "family"
                                    | "families"
                                    | "relatives"
                                    | "heirs"
                                    // "The protest was sparked by the killing of …".
                                    | "sparked"
                                    | "triggered"
                            )
                            // "The protest began after two policemen were martyred".
                            || w == "after"
                                && i > 0
                                && matches!(
                                    f.words[i - 1].as_str(),
                                    "began" | "started" | "erupted" | "broke"
                                )
                    })
                && !mob_kills(f)
                && !f.words.iter().any(|w| {
                    is_intervention(w)
                        || matches!(
                            w.as_str(),
                            "fire" | "fired" | "firing" | "clash" | "clashed" | "clashes"
                        )
                })
                // "a mob attacked a police station … after a suspect died in custody": a death
                // in custody is what the crowd rose against.
                || d.class == Class::Protest
                    && c.category == Category::Killed
                    && f.words[c.token.min(f.words.len())..(c.token + 6).min(f.words.len())]
                        .iter()
                        .any(|w| matches!(w.as_str(), "custody" | "custodial"))
        };
        // A summary of several operations gives way to the operations the report tells: its
        // figure is their total, with others untold ("detained more than 10 … during four
        // operations. … In Zabul, … detaining two suspected insurgents").
        let told_in_detail = |c: &Casualty| operations_detailed[c.category as usize];
        // A summary of separate incidents gives way to the incidents told when they account
        // for its whole figure ("11 civilians were killed in two separate incidents. … killing
        // seven … killing four"); else it stands as the total, and the one incident told with
        // it is a part ("at least six persons were killed in separate incidents in Karachi. An
        // activist … was shot dead in Lyari").
        let summary_stands = |cat: Category| {
            d.sentences.iter().any(|&k| {
                facts[k].sums_incidents
                    && facts[k]
                        .casualties
                        .iter()
                        .any(|c| c.category == cat && detailed_totals[cat as usize] < c.count.low)
            })
        };
        let in_summary: Vec<Category> = [Category::Killed, Category::Injured, Category::Arrested]
            .into_iter()
            .filter(|&cat| summary_stands(cat))
            .collect();
        // A statement counts no dead: those it tells of ("accused of … the killing of several
        // soldiers") belong to the incident it is about.
        let casualties: Vec<(usize, &Casualty)> = d
            .sentences
            .iter()
            .filter(|_| d.class != Class::Verbal)
            .flat_map(|&k| {
                let in_summary = &in_summary;
                facts[k]
                    .casualties
                    .iter()
                    .filter(move |c| !grievance_told(&facts[k], c))
                    .filter(move |c| !(facts[k].sums_operations && told_in_detail(c)))
                    .filter(move |c| {
                        if facts[k].sums_incidents {
                            in_summary.contains(&c.category)
                        } else {
                            !in_summary.contains(&c.category)
                        }
                    })
                    .map(move |c| (k, c))
            })
            .collect();

        // Where: the most specific place named in the event's sentences (nearest its trigger),
        // else in the sentences just before, else in the document's opening, else the dateline.
        let core: Vec<&SentenceFacts> = d.sentences[..d.core.min(d.sentences.len())]
            .iter()
            .map(|&i| &facts[i])
            .collect();
        // Whether sentence `k` tells another event, said to be other.
        let others = |k: usize| told_separately[k] && !d.sentences.contains(&k);
        let tier_place = |tier: usize| match tier {
            0 => pick_place_ranked(core.iter().map(|f| (*f, true)).collect()),
            1 => pick_place_ranked(fs.iter().map(|f| (*f, true)).collect()),
            // A country named just before gives way to a place named a little earlier ("In
            // Khanabad district … the government of Afghanistan … Multiple suspected
            // insurgents were detained").
            2 => d.sentences.first().and_then(|&first| {
                let mut before = (first.saturating_sub(3)..first)
                    .rev()
                    .filter_map(|k| pick_place_ranked(vec![(&facts[k], true)]));
                let nearest = before.next()?;
                if nearest.0.level != PlaceLevel::Country {
                    return Some(nearest);
                }
                before
                    .find(|p| p.0.level != PlaceLevel::Country && p.0.country == nearest.0.country)
                    .or(Some(nearest))
            }),
            // (Not another event's sentences: "QUETTA: A shopkeeper was killed … Separately,
            // a body was found in Mastung" is in Quetta.)
            3 => pick_place_ranked(
                facts
                    .iter()
                    .take(3)
                    .enumerate()
                    .filter(|(k, _)| !others(*k))
                    // (Nor, in a roundup, a later incident's.)
                    .filter(|(k, _)| !roundup || d.sentences.last().is_none_or(|last| k <= last))
                    .map(|(_, f)| (f, true))
                    .collect(),
            ),
            4 => pick_place_ranked(
                facts
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| !others(*k))
                    .map(|(_, f)| (f, false))
                    .collect(),
            ),
            // Nothing but a road's ends ("blocked the Lahore-Islamabad road"): its first end.
            5 => fs
                .iter()
                .flat_map(|f| f.road_places.iter())
                .min_by_key(|p| p.0)
                .map(|p| (p.1.clone(), p.2.clone(), false)),
            // No place at all: where a regional actor of the event is based ("2 MQM workers
            // were shot dead" is in Sindh), else where the military operation the event's
            // sentences name was fought ("air strikes under operation Zarb-e-Azb"), else
            // where a regional actor of the report is based.
            6 => self.actor_area(fs.iter().copied()),
            7 => self.operation_area(fs.iter().copied()),
            _ => self.actor_area(facts.iter()),
        };
        const TIERS: usize = 9;
        // Going wider, tier by tier, only as far as needed. An origin or a grievance gives
        // way to another place in the event's own sentences ("militants coming from Kunar
        // province … The attack took place at a checkpost in Chamarkand Tehsil, Bajaur"),
        // not to the document's other places.
        let mut side = None;
        let mut found = None;
        for tier in 0..TIERS {
            if side.is_some() && tier >= 2 {
                break;
            }
            match tier_place(tier) {
                Some((p, id, true)) => side = side.or(Some((tier, (p, id)))),
                Some((p, id, false)) => {
                    found = Some((tier, (p, id)));
                    break;
                }
                None => {}
            }
        }
        // Only a place aside (an origin, a grievance, a town in an organisation's name: "a
        // leader of the Jeay Sindh Tehreek … who heads the Kohistan Bachayo Action
        // Committee") in another province than a regional actor of the event is based in:
        // the actor's province.
        if found.is_none()
            && let Some((_, (p, _))) = &side
            && let Some((q, id, _)) = tier_place(6)
            && (q.country != p.country || q.admin1 != p.admin1)
        {
            found = Some((6, (q, id)));
        }
        // Only a country that acts or speaks ("DOHA: Pakistan and Afghanistan agreed to a
        // ceasefire … mediated by Qatar"): the dateline's town is where it was told, and
        // the nearest to where it happened the report gives.
        // (So too a province only named in an organisation's name: "QUETTA: The Balochistan
        // Bar Council announced a boycott of courts" is in Quetta.)
        if found.is_none()
            && let Some((_, (p, _))) = &side
            && matches!(p.level, PlaceLevel::Country | PlaceLevel::Admin1)
            && let Some(f) = facts.first()
            && let Some(q) = f.places.iter().find(|q| {
                q.dateline
                    && q.info.level == PlaceLevel::Populated
                    && (p.level == PlaceLevel::Country || q.info.admin1 == p.admin1)
            })
        {
            found = Some((4, (q.info.clone(), q.id.clone())));
        }
        // Only a country ("All Pakistan Wapda … Union held protests … In Peshawar they …")
        // gives way to a place in it found wider.
        // (Not the whole report's sentences, tiers 4 and 8: per event that would cost as much as
        // the report is long.)
        let place = match found.or(side) {
            Some((tier, (p, id))) if p.level == PlaceLevel::Country => (tier + 1..TIERS)
                .filter(|t| !matches!(t, 4 | 8))
                .filter_map(tier_place)
                .map(|(q, id, _)| (q, id))
                .find(|(q, _)| q.level != PlaceLevel::Country && q.country == p.country)
                .or(Some((p, id))),
            other => other.map(|(_, f)| f),
        };
        // Only a province in the event's own sentences ("Both were killed on the spot. … in
        // Balochistan"): the town told in the sentence just before is where it happened
        // ("targeted two persons in Turbat city").
        let place = match place {
            Some((p, id)) if matches!(p.level, PlaceLevel::Admin1 | PlaceLevel::Country) => {
                let first = d.sentences.first().copied().unwrap_or(0);
                (first.saturating_sub(2)..first)
                    .rev()
                    .find_map(|k| {
                        pick_place(vec![(&facts[k], true)]).filter(|(q, _)| {
                            !matches!(q.level, PlaceLevel::Admin1 | PlaceLevel::Country)
                                && q.country == p.country
                                && (p.level == PlaceLevel::Country || q.admin1 == p.admin1)
                        })
                    })
                    .or(Some((p, id)))
            }
            other => other,
        };
        // "KABUL: Afghan forces attacked Pakistani border posts …": filed from one country,
        // naming no place of its own, about the other's posts: those posts stand in the other
        // country.
        let only_datelines = fs.iter().all(|f| f.places.iter().all(|q| q.dateline));
        let place = match place {
            Some((p, id))
                if only_datelines
                    && facts
                        .first()
                        .is_some_and(|f| f.places.iter().any(|q| q.dateline && q.id == id))
                    && d.class == Class::Violent
                    && let Some(code) = posts_of(&words).filter(|c| *c != p.country)
                    && let Some(q) = self.kb.place(&format!("cc:{code}")) =>
            {
                Some((q, format!("cc:{code}")))
            }
            other => other,
        };
        let country = place
            .as_ref()
            .map(|p| p.0.country.clone())
            .or(doc_country.map(str::to_owned));
        // (Where the place came from a sentence near the event's, that sentence's: "targeted
        // a bus … near Mastung. A fidayee … carried out the attack".)
        let names =
            |f: &SentenceFacts, id: &str| f.places.iter().any(|q| q.id == id && !q.dateline);
        let near = fs.iter().any(|f| f.near)
            || place.as_ref().is_some_and(|(_, id)| {
                let first = d.sentences.first().copied().unwrap_or(0);
                let last = d.sentences.last().copied().unwrap_or(0);
                !fs.iter().any(|f| names(f, id))
                    && facts[first.saturating_sub(3)..(last + 4).min(facts.len())]
                        .iter()
                        .any(|f| f.near && names(f, id))
            });
        let location = match &place {
            Some((p, _)) => EventLocation {
                name: Some(p.name.clone()),
                admin1: p.admin1.clone(),
                admin2: p.admin2.clone(),
                country: self.kb.country_name(&p.country),
                latitude: Some(p.lat),
                longitude: Some(p.lon),
                geo_precision: Some(match p.level {
                    _ if p.approximate => 3,
                    PlaceLevel::Populated if !near => 1,
                    PlaceLevel::Populated | PlaceLevel::Admin2 => 2,
                    _ => 3,
                }),
            },
            None => EventLocation {
                name: None,
                admin1: None,
                admin2: None,
                country: country.as_deref().and_then(|c| self.kb.country_name(c)),
                latitude: None,
                longitude: None,
                geo_precision: None,
            },
        };

        // When.
        let text = &cx.doc.text;
        // Whether a date is another event's ("linked to the July 2 attack"), not this
        // violence's own day a group is blamed for ("behind Friday's bombing"). (The cheap
        // weekday test only for the dates that name another event.)
        let names_another_event = |x: &FoundDate| {
            dates_another_event(text, x.span)
                && !(d.class == Class::Violent && blamed_for_a_weekdays_event(text, x.span))
        };
        let date_key = |x: &&FoundDate| {
            let frame = is_report_frame(text.get(x.span.0..x.span.1).unwrap_or(""))
                || dates_the_report(text, x.span);
            // "A teacher who was kidnapped on Monday was found shot dead on Saturday": the
            // abduction's day is not the killing's.
            let abduction_day = fs.iter().any(|f| {
                f.abducted_on == Some(**x)
                    && f.casualties.iter().any(|c| c.category == Category::Killed)
            });
            // "Militants on Thursday released four employees who had been abducted … in
            // January": the abduction is dated by its own day, not the release's.
            let taken_before_release = fs.iter().any(|f| {
                f.abducted_on == Some(**x)
                    && f.triggers.iter().all(|t| *t == Trigger::Abduction)
                    && f.words.iter().any(|w| {
                        matches!(w.as_str(), "released" | "freed" | "rescued" | "recovered")
                    })
            });
            if taken_before_release {
                return (0, 0);
            }
            // ("UNAMA said on Thursday that 11 civilians were killed … last week": the week
            // told of the event before the day it was told.)
            let rank = match x.granularity {
                _ if names_another_event(x) || abduction_day => 3,
                DateGranularity::Day if !frame => 0,
                DateGranularity::Week => 1,
                DateGranularity::Day => 2,
                DateGranularity::Month => 4,
                DateGranularity::Year => 5,
            };
            (rank, x.span.0)
        };
        let found = fs
            .iter()
            .flat_map(|f| f.dates.iter())
            .min_by_key(date_key)
            // A month or a year told only later in the story, that the report's day is not in,
            // is the background ("… detained several suspected insurgents during a two-day
            // operation. … In June, insurgents engaged the assault force …"): an event told
            // undated in a dated report happened lately.
            .filter(|x| {
                x.granularity == DateGranularity::Day
                    || reference.is_none_or(|r| x.start <= r && r <= x.end)
                    // A protest is news when reported: "families whose loved ones drowned
                    // during Eid celebrations last year protested" protest now.
                    || (fs.first().is_some_and(|f| f.dates.contains(x))
                        && d.class != Class::Protest)
            })
            // Nor is the date of another event ("linked to the July 2 attack", "since Oct. 1")
            // when the report has a day of its own.
            .filter(|x| reference.is_none() || !names_another_event(x))
            // Nor, for a protest, a time long past told in its grievance ("protested against
            // the killing of 46 Ismailis … earlier this month", "… a week ago", "against
            // baton charge … in Karachi a day earlier").
            .filter(|x| {
                let told = &text[x.span.0..x.span.1];
                d.class != Class::Protest
                    || reference.is_none()
                    || !(x.granularity != DateGranularity::Day
                        || told.ends_with("ago")
                        || told.ends_with("earlier")
                        || told.ends_with("previous day"))
                    || !tells_a_grievance(&text[..x.span.0])
            });
        // The best date to the day sentence `k` gives.
        let day_date = |k: usize| {
            facts[k]
                .dates
                .iter()
                .filter(|x| x.granularity == DateGranularity::Day)
                .min_by_key(date_key)
        };
        // Where the event's own story starts, below a headline that joined it.
        let body_first = d
            .sentences
            .iter()
            .copied()
            .find(|&k| !facts[k].heading)
            .or(d.sentences.first().copied())
            .unwrap_or(0);
        // "The following day, an enraged mob set fire to the bazaar": a day after the day
        // told before, when the event gives no day of its own.
        let day_after =
            found.is_none() && fs.first().is_some_and(|f| tells_the_day_after(&f.words));
        // No date in the event's own sentences: the nearest one told just before it, else the
        // one in the report's lead ("… captured a Taliban financier … yesterday. … The
        // financier was identified and detained as a result of the interviews").
        let found = found
            .or_else(|| {
                // Before the story's first sentence, else before a later one of its
                // sentences ("During a route-clearing operation Wednesday … As the force
                // approached … were subsequently killed").
                d.sentences
                    .iter()
                    .copied()
                    .filter(|&k| k >= body_first)
                    .find_map(|first| (first.saturating_sub(3)..first).rev().find_map(day_date))
            })
            .or_else(|| {
                (0..body_first)
                    .filter(|&k| !facts[k].heading)
                    .take(2)
                    .find_map(day_date)
            });
        // A protest announced for a weekday ("announced a shutter-down strike … on Monday")
        // is the coming one, not the last.
        let planned = d.class == Class::Protest && {
            let mut told = fs
                .iter()
                .filter(|f| f.triggers.contains(&Trigger::Protest))
                .peekable();
            told.peek().is_some() && told.all(|f| announces_a_protest(&f.words))
        };
        let found = found.copied().map(|f| {
            let weekday = text
                .get(f.span.0..f.span.1)
                .and_then(|t| t.split_whitespace().last())
                .is_some_and(|w| {
                    w.trim_matches(|c: char| !c.is_alphabetic())
                        .parse::<chrono::Weekday>()
                        .is_ok()
                });
            if planned && weekday && reference.is_some_and(|r| f.start < r) {
                FoundDate {
                    start: f.start + chrono::Days::new(7),
                    end: f.end + chrono::Days::new(7),
                    ..f
                }
            } else if day_after && f.granularity == DateGranularity::Day {
                FoundDate {
                    start: f.start + chrono::Days::new(1),
                    end: f.end + chrono::Days::new(1),
                    ..f
                }
            } else {
                f
            }
        });
        let date = match (found, reference) {
            (Some(f), _) => EventDate {
                start: Some(f.start.to_string()),
                end: Some(f.end.to_string()),
                granularity: f.granularity,
                date_type: if f.start != f.end && f.granularity == DateGranularity::Day {
                    DateType::Range
                } else {
                    f.date_type
                },
            },
            (None, Some(r)) => EventDate {
                start: Some(r.to_string()),
                end: Some(r.to_string()),
                granularity: DateGranularity::Day,
                date_type: DateType::Approximate,
            },
            (None, None) => EventDate {
                start: None,
                end: None,
                granularity: DateGranularity::Day,
                date_type: DateType::Unresolved,
            },
        };
        let event_day = date
            .start
            .as_deref()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());

        // How many.
        // A claimant's word: a claim of responsibility, or an armed group as the source ("The
        // BLA said its fighters had killed 20 soldiers").
        let claimed = |k: usize| {
            let f = &facts[k];
            !f.claimed_by.is_empty() || an_armed_group_speaks(f)
        };
        let (fatalities, fatalities_low, fatalities_high) =
            aggregate(&casualties, Category::Killed, &claimed);
        let (injured, _, _) = aggregate(&casualties, Category::Injured, &claimed);
        // "No one was hurt": a zero told, where no figure is.
        let (none_killed, none_hurt) = fs.iter().fold((false, false), |(k, h), f| {
            let (fk, fh) = told_unharmed(&f.words);
            (k || fk, h || fh)
        });
        // "An alleged suicide bomber blew himself up while his handler escaped": with no one
        // else told killed, the bomber is the one dead (ACLED counts him).
        let only_the_bomber = fatalities.is_none()
            && !none_killed
            && triggers.contains(&Trigger::SuicideBomb)
            && fs
                .iter()
                .any(|f| has_phrase(&f.words, &["blew", "himself", "up"]));
        let (fatalities, fatalities_low, fatalities_high) = if fatalities.is_none() && none_killed {
            (Some(0), Some(0), Some(0))
        } else if only_the_bomber {
            (Some(1), Some(1), Some(1))
        } else {
            (fatalities, fatalities_low, fatalities_high)
        };
        let injured = injured.or(none_hurt.then_some(0));
        // "A shopkeeper was shot and critically wounded. He succumbed to his injuries": the
        // dead are those told hurt, when every death is one told so.
        let died_of_wounds = |k: usize, c: &Casualty| {
            c.category == Category::Killed
                && c.weak
                && matches!(
                    facts[k].words.get(c.token).map(String::as_str),
                    Some("he" | "she")
                )
                && facts[k]
                    .words
                    .iter()
                    .any(|w| matches!(w.as_str(), "succumbed" | "died"))
        };
        let injured = match (fatalities, injured) {
            (Some(n), Some(m))
                if n >= 1
                    && m >= n
                    && casualties
                        .iter()
                        .filter(|(_, c)| c.category == Category::Killed)
                        .all(|(k, c)| died_of_wounds(*k, c)) =>
            {
                Some(m - n).filter(|r| *r > 0)
            }
            (_, injured) => injured,
        };
        let (arrested, _, _) = aggregate(&casualties, Category::Arrested, &claimed);

        // Since 15 August 2021 the Afghan Taliban are Afghanistan's state: their fighters
        // are its forces, as ACLED codes them ("Taliban fighters and Pakistani troops
        // exchanged fire" in 2024).
        let the_state_since_2021 = event_day
            .is_some_and(|d| d >= NaiveDate::from_ymd_opt(2021, 8, 15).expect("date"))
            .then(|| {
                let id = "actor:af-military-2021".to_owned();
                self.kb.actor(&id).map(|a| (a, id))
            })
            .flatten();
        // Victims' role: from the counted nouns, killed first. Since 2021 a Taliban
        // commander or fighter killed is one of the state's ("An ISKP suicide bomber killed a
        // Taliban commander").
        let hurt_roles: Vec<Role> = casualties
            .iter()
            .filter(|c| c.1.category != Category::Arrested)
            .filter_map(|(k, c)| {
                let words = &facts[*k].words;
                // (Also "A Taliban spokesman denied the claim, saying only one fighter had
                // been injured": the fighters the government's spokesman counts are its own.)
                let talib = the_state_since_2021.is_some()
                    // (Within the counted phrase: "killing eight people, Taliban officials
                    // said" counts no Taliban.)
                    && (words[c.token.min(words.len())..(c.token + 4).min(words.len())]
                        .iter()
                        .take_while(|w| !matches!(w.as_str(), "," | "said" | "says"))
                        .any(|w| w == "taliban")
                        || matches!(c.head.as_deref(), Some("fighter" | "fighters"))
                            && facts[*k]
                                .attribution
                                .as_ref()
                                .is_some_and(|(source, _)| source.contains("Taliban")));
                if talib { Some(Role::State) } else { c.role }
            })
            .collect();
        // The Taliban since 2021 are the state: its entry stands for theirs. So do the names
        // of the former republic's forces ("Afghan special forces" in 2024 are the Taliban's).
        let the_police_since_2021 = the_state_since_2021.as_ref().and_then(|_| {
            let id = "actor:af-police-2021".to_owned();
            self.kb.actor(&id).map(|a| (a, id))
        });
        let taliban_as_state = |id: &str| match id {
            "actor:taliban" | "actor:andsf" | "actor:ana" | "actor:anasoc" | "actor:aaf"
            | "actor:abp" | "actor:alp" => the_state_since_2021.as_ref(),
            "actor:anp-af" => the_police_since_2021.as_ref(),
            _ => None,
        };
        let named: Vec<(&ActorInfo, &String)> = fs
            .iter()
            .flat_map(|f| f.actors.iter().map(|a| (&a.1, &a.2)))
            .map(|(a, id)| taliban_as_state(id).map_or((a, id), |(state, sid)| (state, sid)))
            .collect();
        // Soldiers and militants both among the dead: a fight between the two, told from the
        // forces' side ("5 soldiers and 27 TTP militants were killed"), unless the text says
        // the militants attacked.
        let both_sides = hurt_roles.contains(&Role::State) && hurt_roles.contains(&Role::Armed);
        // "A local leader of the PPP was gunned down": a party's leader is a civilian.
        let party_leader = named
            .iter()
            .any(|(a, _)| a.kind == tessera_model::EntityKind::PoliticalParty)
            && !named.iter().any(|(a, _)| is_armed_info(a))
            && casualties.iter().any(|c| {
                c.1.role == Some(Role::Armed)
                    && matches!(
                        c.1.head.as_deref(),
                        Some("leader" | "leaders" | "chief" | "chiefs")
                    )
                    // "A senior MQM official was critically injured".
                    || c.1.role == Some(Role::State)
                        && matches!(c.1.head.as_deref(), Some("official" | "officials"))
            });
        // A policeman or soldier shot away from his post ("outside his house", "when he came
        // out of a mosque", "off duty") is attacked as a civilian is: no fight, no armed side
        // facing the gunmen. (ACLED codes those shot "returning home from duty" either way.)
        let has_words = |p: &[&str]| has_phrase(&words, p);
        let off_duty = hurt_roles.first() == Some(&Role::State)
            && !triggers.contains(&Trigger::Clash)
            && !triggers.contains(&Trigger::Operation)
            && (has_words(&["off", "duty"])
                || words.iter().any(|w| w == "off-duty")
                || has_words(&["near", "his", "home"])
                || has_words(&["near", "his", "house"])
                || has_words(&["outside", "his", "house"])
                || has_words(&["outside", "his", "home"])
                || has_words(&["outside", "his", "residence"])
                || has_words(&["out", "of", "a", "mosque"]));
        // "three people, including two policemen, were killed": the forces among the dead
        // are whom the attack was on, as ACLED codes it.
        let forces_among_people = !off_duty
            && casualties.iter().any(|c| {
                c.1.category != Category::Arrested
                    && c.1.role == Some(Role::Civilian)
                    && matches!(c.1.head.as_deref(), Some("people" | "persons"))
            })
            && casualties.iter().any(|c| {
                c.1.category != Category::Arrested && c.1.subset && c.1.role == Some(Role::State)
            });
        // "… killed when a suicide bomber targeted a bus carrying Frontier Corps personnel":
        // the people of a vehicle of the forces are the forces.
        let forces_carried = casualties.iter().any(|c| {
            c.1.category != Category::Arrested
                && c.1.role == Some(Role::Civilian)
                && matches!(c.1.head.as_deref(), Some("people" | "persons"))
        }) && words.iter().enumerate().any(|(k, w)| {
            // (Not "tankers carrying fuel for NATO troops".)
            matches!(w.as_str(), "carrying" | "transporting")
                && words[k + 1..(k + 5).min(words.len())]
                    .iter()
                    .take_while(|x| !matches!(x.as_str(), "for" | "to" | "and" | ","))
                    .any(|x| {
                        matches!(
                            x.as_str(),
                            "personnel" | "soldiers" | "troops" | "policemen" | "fc" | "levies"
                        )
                    })
                // "a bomb … targeted a police van, killing five people": the forces'
                // vehicle was the target.
                || matches!(w.as_str(), "targeted" | "targeting" | "hit" | "struck")
                    && words.get(k + 1).is_some_and(|x| matches!(x.as_str(), "a" | "the"))
                    && words.get(k + 2).is_some_and(|x| {
                        matches!(x.as_str(), "police" | "fc" | "levies" | "army" | "military")
                    })
                    && words.get(k + 3).is_some_and(|x| {
                        matches!(
                            x.as_str(),
                            "van" | "vehicle" | "mobile" | "convoy" | "truck" | "patrol"
                        )
                    })
        });
        let victims = if both_sides {
            Some(Role::Armed)
        } else if forces_among_people
            || forces_carried && !off_duty
            || fired_on_forces_who_fought_back(&words)
        {
            Some(Role::State)
        } else if party_leader || off_duty {
            Some(Role::Civilian)
        } else {
            hurt_roles
                .first()
                .copied()
                .or_else(|| casualties.iter().find_map(|c| c.1.role))
                .or_else(|| fs.iter().find_map(|f| harmed_with_no_figure(&f.words)))
                .or_else(|| fs.iter().find_map(|f| forces_came_under_attack(&f.words)))
        };
        // "Three soldiers were martyred when an IED hit their vehicle … In the ensuing
        // exchange of fire, two terrorists were killed": the bomb's side started it.
        let bombed_first = both_sides
            && hurt_roles
                .iter()
                .find(|r| matches!(r, Role::State | Role::Armed))
                == Some(&Role::State)
            && triggers
                .iter()
                .any(|t| matches!(t, Trigger::Explosive | Trigger::SuicideBomb));
        let mut actor_roles: Vec<Role> = named.iter().map(|(a, _)| role_of_actor(a)).collect();
        actor_roles.extend(fs.iter().flat_map(|f| f.generic.iter().copied()));
        let (mut event_type, mut sub_event_type, disorder_type, mut cameo) =
            classify(&triggers, victims, &actor_roles, &words, d.class);
        // Those taken and then killed ("six laborers were kidnapped and later killed", "the
        // body of a kidnapped Levies official was recovered") were attacked, as ACLED codes a
        // killing that follows an abduction: the deaths, not the taking, make the event.
        if sub_event_type == "Abduction/forced disappearance" && fatalities.is_some_and(|n| n > 0) {
            // Those held captive, soldiers and militants too, are as defenceless as
            // civilians, whatever raid took them; the kidnappers killed ("police killed two
            // kidnappers in an encounter") fought.
            let kidnappers_killed = casualties.iter().any(|c| {
                c.1.category == Category::Killed
                    && c.1.head.as_deref().is_some_and(|h| {
                        matches!(h, "kidnapper" | "kidnappers" | "abductor" | "abductors")
                    })
            });
            // "… killing two constables. Police launched a search to recover the abducted
            // constable": one taken is still held, so the dead were not killed in captivity.
            let still_held = fs.iter().any(|f| {
                let w = &f.words;
                (0..w.len()).any(|k| {
                    matches!(
                        w[k].as_str(),
                        "recover" | "recovery" | "rescue" | "release" | "free" | "trace"
                    ) && w[k + 1..(k + 5).min(w.len())]
                        .iter()
                        .any(|x| matches!(x.as_str(), "abducted" | "kidnapped"))
                })
            });
            (event_type, sub_event_type, cameo) = if kidnappers_killed || still_held {
                let without: Vec<Trigger> = triggers
                    .iter()
                    .copied()
                    .filter(|t| *t != Trigger::Abduction)
                    .collect();
                let (e, s, _, c) = classify(&without, victims, &actor_roles, &words, d.class);
                (e, s, c)
            } else {
                ("Violence against civilians", "Attack", "18")
            };
        }
        // A protest yet to come was not broken up.
        if planned {
            sub_event_type = "Peaceful protest";
        }
        if d.class == Class::Verbal {
            cameo = fs.iter().find_map(|f| f.verbal).unwrap_or("01");
        }

        // Who.
        let claimed: Vec<&String> = fs.iter().flat_map(|f| f.claimed_by.iter()).collect();
        let blamed: Vec<&String> = fs.iter().flat_map(|f| f.blamed.iter()).collect();
        let denied: Vec<&String> = fs.iter().flat_map(|f| f.denied_by.iter()).collect();
        let by_agent: Vec<&String> = fs.iter().flat_map(|f| f.by_agent.iter()).collect();
        let police = fs.iter().any(|f| f.police_said);
        let cc = country.as_deref();
        let find_named = |pred: &dyn Fn(&ActorInfo) -> bool| {
            named
                .iter()
                .find(|(a, id)| pred(a) && !denied.contains(id))
                .map(|(a, id)| self.actor_from_info(a, id))
        };
        let is_armed = is_armed_info;
        let is_state = |a: &ActorInfo| matches!(a.actor_type, ActorType::StateForces);
        let is_foreign = |a: &ActorInfo| matches!(a.actor_type, ActorType::ExternalOther);
        // The first of `ids` that is among the named actors.
        // (The Taliban since 2021 by the state's id, as `named` has them: "killed by Taliban
        // fighters" in 2025.)
        let first_named = |ids: &[&String]| {
            ids.iter().find_map(|id| {
                let id = taliban_as_state(id).map_or(*id, |(_, sid)| sid);
                named
                    .iter()
                    .find(|(_, nid)| *nid == id)
                    .map(|(a, id)| self.actor_from_info(a, id))
            })
        };
        let claimed_actor = first_named(&claimed);
        let agent_actor = first_named(&by_agent);
        let foreign_cue = words
            .iter()
            .any(|w| matches!(w.as_str(), "coalition" | "isaf" | "combined"));
        // Armed groups' small drones: their strikes are theirs, not the forces'.
        let quadcopter = || {
            words
                .iter()
                .any(|w| matches!(w.as_str(), "quadcopter" | "quadcopters"))
        };
        // Forces named only by what they are: the coalition's where the text says so, else
        // the event country's.
        let described_forces = || {
            self.generic_actor(
                if foreign_cue {
                    Role::Foreign
                } else {
                    Role::State
                },
                cc,
                police,
                &words,
                event_day,
            )
        };
        // Another country's forces named at work ("Indian firing", "Pakistani aircraft"):
        // that country, when it is not the event's own.
        let fire_said = says_fire(&words);
        // A country's own forces at home are not cross-border.
        let militants_fire = words.iter().any(|w| role_of(w) == Some(Role::Armed));
        let foreign_country = |w: &[String]| {
            forces_at_work(w, fire_said)
                .or_else(|| guns_from_country(w).filter(|_| !militants_fire))
                .filter(|who| Some(*who) != cc)
        };
        // Fire "across the LoC" or "along the Working Boundary" with no country named is
        // India's: those lines divide India from Pakistan.
        let across_the_line = || {
            (cc == Some("PK")
                && (words.iter().any(|w| w == "loc")
                    || has_phrase(&words, &["line", "of", "control"])
                    || has_phrase(&words, &["working", "boundary"])))
            .then_some("IN")
        };
        // Read once: it both finds the other side and turns the fight round.
        let own_forces_fired = fire_by_own_forces(&words, cc);
        let cross_border_by = (0..words.len())
            .find_map(|i| foreign_country(&words[i..]))
            .or_else(across_the_line)
            .or_else(|| {
                own_forces_fired
                    .then(|| foreign_forces_struck(&words, cc))
                    .flatten()
            });
        // Another country's forces, by its code.
        // Afghanistan's forces are those of its government of the day (the Taliban's since
        // 15 August 2021), as the actor list has them.
        let foreign_forces = |code: &str| {
            let listed = (code == "AF").then(|| Actor {
                actor_type: Some(ActorType::ExternalOther.as_str().to_owned()),
                ..self.generic_actor(Role::State, Some("AF"), false, &words, event_day)
            });
            listed.unwrap_or_else(|| Actor {
                name: format!(
                    "Military Forces of {}",
                    with_article(
                        &self
                            .kb
                            .country_name(code)
                            .unwrap_or_else(|| code.to_owned())
                    )
                ),
                entity_id: None,
                actor_type: Some(ActorType::ExternalOther.as_str().to_owned()),
            })
        };
        // Forces of the event's own country are no cross-border actor ("a former Afghan army
        // officer" shot in Kandahar).
        let cross_border = cross_border_by.is_some_and(|w| Some(w) != cc);
        // Forces named only by what they are: "security forces", "a coalition force".
        let generic_state = fs
            .iter()
            .any(|f| f.generic.contains(&Role::State) || f.generic.contains(&Role::Foreign));
        // The named armed groups as lower-case words ("ttp", "lej"), for `armed_started_it`.
        let named_armed_words: Vec<String> = fs
            .iter()
            .flat_map(|f| f.actors.iter())
            .filter(|a| is_armed(&a.1))
            .flat_map(|a| {
                a.3.split_whitespace()
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        // A named armed group in the two sentences before the event (when nobody claims or
        // denies anything there).
        let nearby_armed = || {
            let first = *d.sentences.first()?;
            (first.saturating_sub(2)..first).rev().find_map(|k| {
                let f = &facts[k];
                if !f.claimed_by.is_empty() || !f.denied_by.is_empty() {
                    return None;
                }
                f.actors
                    .iter()
                    .find(|a| is_armed(&a.1))
                    .map(|a| self.actor_from_info(&a.1, &a.2))
            })
        };
        // "in an attack claimed by the group": the group just named before.
        let claimed_actor = claimed_actor.or_else(|| {
            words
                .windows(4)
                .any(|w| {
                    w[..3] == ["claimed", "by", "the"]
                        && matches!(
                            w[3].as_str(),
                            "group" | "outfit" | "organisation" | "organization" | "militants"
                        )
                })
                .then(nearby_armed)
                .flatten()
        });
        // The forces named or described in the two sentences before the event ("FC carried out
        // a search operation … Three militants were killed in exchange of fire").
        let nearby_state = || {
            let first = *d.sentences.first()?;
            (first.saturating_sub(2)..first).rev().find_map(|k| {
                let f = &facts[k];
                f.actors
                    .iter()
                    .find(|a| matches!(a.1.actor_type, ActorType::StateForces))
                    .map(|a| self.actor_from_info(&a.1, &a.2))
                    .or_else(|| {
                        f.generic.contains(&Role::State).then(|| {
                            self.generic_actor(Role::State, cc, police, &f.words, event_day)
                        })
                    })
            })
        };
        // Peace lashkars and tribal militias are hit more often than they strike: "three
        // volunteers of the TI peace lashkar were killed", "two members of the communal
        // militia were injured".
        let militia_hit = words.iter().any(|w| {
            matches!(
                w.as_str(),
                "members" | "member" | "volunteers" | "militiamen" | "militia" | "lashkar"
            )
        });
        let militia_target: Option<Actor> = if militia_hit {
            named
                .iter()
                .find(|(a, id)| {
                    a.actor_type == ActorType::IdentityMilitia
                        && !claimed.contains(id)
                        && !blamed.contains(id)
                })
                .map(|(a, id)| self.actor_from_info(a, id))
                .or_else(|| {
                    words.iter().any(|w| w == "militia").then(|| Actor {
                        name: format!(
                            "Communal Militia ({})",
                            cc.and_then(|c| self.kb.country_name(c))
                                .unwrap_or_else(|| "Pakistan".to_owned())
                        ),
                        entity_id: None,
                        actor_type: Some(ActorType::IdentityMilitia.as_str().to_owned()),
                    })
                })
        } else {
            None
        };
        let mut associated: Vec<Actor> = Vec::new();
        let (actor1, actor2) = match d.class {
            // Armed men who fell on a crowd: the protesters are their target.
            Class::Protest if sub_event_type == "Attack" => {
                let a1 = find_named(&is_armed).or_else(|| {
                    Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                });
                let id = format!(
                    "actor:protesters-{}",
                    cc.unwrap_or("pk").to_ascii_lowercase()
                );
                (
                    a1,
                    self.kb.actor(&id).map(|a| self.actor_from_info(&a, &id)),
                )
            }
            Class::Protest => {
                let rioters = event_type == "Riots";
                let id = format!(
                    "actor:{}-{}",
                    if rioters { "rioters" } else { "protesters" },
                    cc.unwrap_or("pk").to_ascii_lowercase()
                );
                let a1 = self.kb.actor(&id).map(|a| self.actor_from_info(&a, &id));
                // (Once each: "the Baloch Yakjehti Committee" and "BYC" are one.)
                for (a, id) in named.iter().filter(|(a, _)| !is_state(a)) {
                    let act = self.actor_from_info(a, id);
                    if !associated.iter().any(|x| x.entity_id == act.entity_id) {
                        associated.push(act);
                    }
                }
                // A mob that killed or hurt civilians ("stormed a police station … and lynched
                // a tourist") is against them, not the police it got past.
                let a2 = if sub_event_type == "Mob violence"
                    && victims == Some(Role::Civilian)
                    && words.iter().any(|w| w == "mob" || w == "lynched")
                {
                    Some(self.generic_actor(Role::Civilian, cc, false, &words, event_day))
                } else if sub_event_type != "Peaceful protest" || rioters && police {
                    find_named(&is_state).or_else(|| {
                        police.then(|| self.generic_actor(Role::State, cc, true, &words, event_day))
                    })
                } else {
                    None
                };
                // Two crowds fighting each other: rioters on both sides.
                let a2 = a2.or_else(|| {
                    (rioters && fs.iter().any(|f| is_crowd_clash(f)))
                        .then(|| a1.clone())
                        .flatten()
                });
                // "Traders rioted against one another", "two groups … clashed".
                let a2 = a2.or_else(|| {
                    (rioters
                        && words.windows(2).any(|w| {
                            matches!(w[0].as_str(), "groups" | "rival")
                                || matches!(
                                    (w[0].as_str(), w[1].as_str()),
                                    ("one", "another") | ("each", "other")
                                )
                        }))
                    .then(|| a1.clone())
                    .flatten()
                });
                // A mob turns on people and their homes ("set fire to several churches and
                // dozens of Christian homes"): civilians, as ACLED codes mob violence.
                let a2 = a2.or_else(|| {
                    (sub_event_type == "Mob violence")
                        .then(|| self.generic_actor(Role::Civilian, cc, false, &words, event_day))
                });
                (a1, a2)
            }
            Class::Arrest => {
                let a1 = find_named(&|a: &ActorInfo| is_state(a) || is_foreign(a)).or_else(|| {
                    Some(self.generic_actor(
                        if foreign_cue {
                            Role::Foreign
                        } else {
                            Role::State
                        },
                        cc,
                        police || !foreign_cue,
                        &words,
                        event_day,
                    ))
                });
                // Whom the count names by trade decides: "detained a female activist" are
                // civilians, whoever else the sentence names ("The Taliban detained …");
                // "individuals with suspected ties to the Haqqani network" are the group's.
                let by_trade = casualties.iter().any(|c| {
                    c.1.category == Category::Arrested
                        && c.1.role == Some(Role::Civilian)
                        && c.1.head.as_deref().is_some_and(|h| {
                            !matches!(
                                h,
                                "individual"
                                    | "individuals"
                                    | "person"
                                    | "persons"
                                    | "people"
                                    | "man"
                                    | "men"
                                    | "others"
                                    | "suspect"
                                    | "suspects"
                                    | "member"
                                    | "members"
                            )
                        })
                });
                let a2 = match victims {
                    Some(Role::Civilian) if by_trade => {
                        Some(self.generic_actor(Role::Civilian, cc, false, &words, event_day))
                    }
                    _ => find_named(&is_armed).or_else(|| match victims {
                        Some(r @ (Role::Armed | Role::Civilian)) => {
                            Some(self.generic_actor(r, cc, false, &words, event_day))
                        }
                        _ => None,
                    }),
                };
                (a1, a2)
            }
            Class::Strategic | Class::Verbal => {
                // Statements and threats are made by people as often as by groups.
                let person = fs
                    .iter()
                    .flat_map(|f| f.persons.iter())
                    .next()
                    .map(|p| Actor {
                        name: p.clone(),
                        entity_id: None,
                        actor_type: None,
                    });
                let first = named.first().map(|(a, id)| self.actor_from_info(a, id));
                // "Security forces foiled a terror bid by defusing a bomb": the forces named
                // only by what they are took the weapons out of use.
                let first = first.or_else(|| {
                    (sub_event_type == "Disrupted weapons use" && generic_state)
                        .then(described_forces)
                });
                // "Pakistan accused Afghanistan of …": a country that opens the statement speaks
                // through its government (ACLED's state actor for a country's acts).
                // ("ISLAMABAD: Pakistan's defence minister warned …": after the dateline.)
                let after_dateline = |f: &SentenceFacts, p: &PlaceMention| {
                    cx.offsets
                        .slice(&cx.doc.text, f.begin, p.begin)
                        .map(str::trim)
                        .is_some_and(|lead| {
                            lead.ends_with(':') && !lead.chars().any(char::is_lowercase)
                        })
                };
                let country_speaks = || {
                    let f = fs.first()?;
                    f.places
                        .iter()
                        .find(|p| {
                            (p.begin == f.begin || after_dateline(f, p))
                                && p.info.level == PlaceLevel::Country
                        })
                        .filter(|p| f.actors.iter().all(|a| a.0 > p.begin))
                        .map(|p| Actor {
                            name: format!("Government of {}", p.info.name),
                            entity_id: None,
                            actor_type: Some(ActorType::StateForces.as_str().to_owned()),
                        })
                };
                if d.class == Class::Verbal && person.is_some() {
                    (person, first)
                } else if d.class == Class::Verbal
                    && let Some(government) = country_speaks()
                {
                    (Some(government), first)
                } else if sub_event_type == "Looting/property destruction" {
                    // "Unidentified armed men set on fire the house of …", "militants looted a
                    // bank": the armed men, named or described, took or destroyed what was
                    // the civilians'.
                    // (NATO's tankers burned by armed men: the armed men did it, to NATO.)
                    let armed_named = named.iter().find(|(a, _)| is_armed(a));
                    let armed_described = fs.iter().any(|f| f.generic.contains(&Role::Armed));
                    let a1 = armed_named
                        .map(|(a, id)| self.actor_from_info(a, id))
                        .or_else(|| {
                            armed_described.then(|| {
                                self.generic_actor(Role::Armed, cc, false, &words, event_day)
                            })
                        })
                        .or(first);
                    let a2 = named
                        .iter()
                        .find(|(_, id)| {
                            a1.as_ref()
                                .is_none_or(|a| a.entity_id.as_ref().is_none_or(|e| e.0 != **id))
                        })
                        .map(|(a, id)| self.actor_from_info(a, id))
                        .or_else(|| {
                            a1.as_ref().map(|_| {
                                self.generic_actor(Role::Civilian, cc, false, &words, event_day)
                            })
                        });
                    (a1, a2)
                } else if (sub_event_type == "Agreement"
                    || d.class == Class::Verbal && cameo == "04")
                    && first.is_none()
                {
                    // "Pakistan and Afghanistan agreed to an immediate ceasefire", "Delegations
                    // from Pakistan and Afghanistan held talks": the two countries' governments.
                    // ("… agreed to a ceasefire after talks mediated by Qatar and Turkey": the
                    // go-betweens are not the parties.)
                    let mut governments = fs
                        .iter()
                        .flat_map(|f| f.places.iter())
                        .filter(|p| p.info.level == PlaceLevel::Country && !p.dateline)
                        .filter(|p| {
                            !names_a_go_between(&cx.doc.text[..cx.offsets.byte_of(p.begin)])
                        })
                        .map(|p| p.info.name.clone())
                        .collect::<Vec<_>>();
                    governments.dedup();
                    // "Pakistani and Afghan officials reopened the crossing. The two sides
                    // agreed to a ceasefire": the two sides are the two countries told before.
                    if governments.len() < 2
                        && words.windows(2).any(|x| {
                            matches!(x[0].as_str(), "two" | "both")
                                && matches!(x[1].as_str(), "sides" | "countries" | "neighbours")
                        })
                    {
                        let start = d.sentences.first().copied().unwrap_or(0);
                        let mut told: Vec<&str> = Vec::new();
                        for f in &facts[start.saturating_sub(2)..start] {
                            for w in &f.words {
                                let name = nationality(w)
                                    .or_else(|| country_named(w))
                                    .and_then(country_of_code);
                                if let Some(n) = name
                                    && !told.contains(&n)
                                {
                                    told.push(n);
                                }
                            }
                        }
                        if told.len() == 2 {
                            governments = told.iter().map(|n| (*n).to_owned()).collect();
                        }
                    }
                    let government = |name: Option<&String>| {
                        name.map(|n| Actor {
                            name: format!("Government of {n}"),
                            entity_id: None,
                            actor_type: Some(ActorType::StateForces.as_str().to_owned()),
                        })
                    };
                    // (Two parties, or none: one country named is where, not who.)
                    // ("A jirga brokered a ceasefire between the warring tribes": the
                    // tribes.)
                    if governments.len() >= 2 {
                        (
                            government(governments.first()),
                            government(governments.get(1)),
                        )
                    } else if let Some((one, other)) = tribal_sides(&words) {
                        (
                            Some(self.tribal_militia(one, cc)),
                            Some(self.tribal_militia(other, cc)),
                        )
                    } else {
                        (None, None)
                    }
                } else {
                    (
                        first,
                        named.get(1).map(|(a, id)| self.actor_from_info(a, id)),
                    )
                }
            }
            Class::Violent => {
                let armed = claimed_actor.clone().or(first_named(&blamed)).or_else(|| {
                    find_named(&|a: &ActorInfo| {
                        is_armed(a)
                            && (militia_target.is_none()
                                || a.actor_type != ActorType::IdentityMilitia)
                    })
                });
                let state = find_named(&|a: &ActorInfo| is_state(a) || is_foreign(a));
                // ("militants were killed when their hideout was targeted": whoever struck a
                // hideout was after the militants, as forces are.)
                let struck = |w: &str| {
                    matches!(
                        w,
                        "targeted" | "raided" | "struck" | "hit" | "bombed" | "pounded" | "stormed"
                    )
                };
                let hideout_struck = || {
                    words.iter().enumerate().any(|(k, w)| {
                        matches!(w.as_str(), "hideout" | "hideouts")
                            && (words[k + 1..(k + 4).min(words.len())]
                                .iter()
                                .any(|x| struck(x))
                                || words[k.saturating_sub(3)..k].iter().any(|x| struck(x)))
                    })
                };
                let op = triggers
                    .iter()
                    .any(|t| matches!(t, Trigger::Operation | Trigger::AirStrike))
                    || victims == Some(Role::Armed) && hideout_struck()
                    || agent_actor.as_ref().is_some_and(|a| {
                        a.actor_type.as_deref() == Some("State forces")
                            || a.actor_type.as_deref() == Some("External/Other forces")
                    });
                // "the security force engaged the insurgents with a precision airstrike,
                // killing many of them": the forces' aircraft, on whoever they engaged
                // (militants' quadcopters are theirs).
                let air_by_forces = triggers.contains(&Trigger::AirStrike)
                    && victims.is_none()
                    && (generic_state || state.is_some())
                    && !quadcopter();
                // The two countries' forces fired at each other ("Pakistan responded
                // accordingly", "The Rangers retaliated", "between Indian and Pakistani
                // troops", said in the event or the sentence after it): a battle between
                // them, whoever else was hit, as ACLED codes it.
                let answered = || {
                    let next = d.sentences.last().and_then(|&k| facts.get(k + 1));
                    words
                        .iter()
                        .chain(next.into_iter().flat_map(|f| f.words.iter()))
                        .any(|w| {
                            matches!(
                                w.as_str(),
                                "responded" | "retaliated" | "retaliation" | "retaliating"
                            )
                        })
                        || words.windows(2).enumerate().any(|(k, w)| {
                            w[0] == "each" && w[1] == "other"
                                // "Afghan and Pakistani border forces exchanged fire" (not
                                // "did not exchange fire").
                                || matches!(w[0].as_str(), "exchanged" | "traded" | "exchange")
                                    && w[1] == "fire"
                                    && !words[k.saturating_sub(3)..k]
                                        .iter()
                                        .any(|x| matches!(x.as_str(), "no" | "not" | "never"))
                        })
                        || words.windows(4).enumerate().any(|(k, w)| {
                            w[0] == "between"
                                && !words[k.saturating_sub(5)..k].iter().any(|x| x == "no")
                                && matches!(w[1].as_str(), "indian" | "pakistani" | "afghan")
                                && w[2] == "and"
                                && matches!(w[3].as_str(), "indian" | "pakistani" | "afghan")
                        })
                };
                // The other country's force by name where the text gives one ("India's Border
                // Security Force"), else its military; the event country's forces named.
                let other_forces = || {
                    cross_border_by.filter(|w| Some(*w) != cc).map(|code| {
                        find_named(&|a: &ActorInfo| {
                            is_foreign(a) && a.country.as_deref() == Some(code)
                        })
                        .unwrap_or_else(|| foreign_forces(code))
                    })
                };
                let own_forces =
                    || find_named(&|a: &ActorInfo| is_state(a) && a.country.as_deref() == cc);
                // "clashes between two tribes in Kurram", "the Turi and Bangash tribes
                // clashed": tribal militias on both sides, as ACLED codes them.
                let tribal =
                    (triggers.contains(&Trigger::Clash) && armed.is_none() && state.is_none())
                        .then(|| tribal_sides(&words))
                        .flatten();
                // "Police recovered a trader who had been kidnapped …", "Security forces rescued
                // 346 passengers held hostage": those who free the captives did not take them.
                let freed_by_others = sub_event_type == "Abduction/forced disappearance"
                    && agent_actor.is_none()
                    && words.iter().any(|w| {
                        matches!(
                            w.as_str(),
                            "rescued" | "recovered" | "freed" | "rescue" | "recovery"
                        )
                    });
                if freed_by_others {
                    let a1 = armed.clone().or_else(|| {
                        Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                    });
                    let a2 = Some(self.generic_actor(Role::Civilian, cc, false, &words, event_day));
                    (a1, a2)
                } else if let Some((one, other)) = tribal {
                    event_type = "Battles";
                    sub_event_type = "Armed clash";
                    cameo = "19";
                    (
                        Some(self.tribal_militia(one, cc)),
                        Some(self.tribal_militia(other, cc)),
                    )
                } else if cross_border && own_forces_fired {
                    // "Two Afghan border guards were killed by Pakistani fire near Torkham":
                    // the event country's forces fired, on the other country's.
                    event_type = "Battles";
                    sub_event_type = "Armed clash";
                    cameo = "19";
                    let a1 = own_forces().or_else(|| {
                        Some(self.generic_actor(Role::State, cc, false, &words, event_day))
                    });
                    (a1, other_forces())
                } else if cross_border && !matches!(victims, Some(Role::Armed)) && answered() {
                    event_type = "Battles";
                    sub_event_type = "Armed clash";
                    cameo = "19";
                    let a2 = own_forces().or_else(|| {
                        Some(self.generic_actor(Role::State, cc, police, &words, event_day))
                    });
                    (other_forces(), a2)
                } else if cross_border {
                    let a1 = other_forces();
                    let a2 = match victims {
                        Some(Role::State) => {
                            Some(self.generic_actor(Role::State, cc, police, &words, event_day))
                        }
                        // "Indian and Pakistani troops exchanged fire": no one hurt, the two
                        // forces fought; "shelled Pakistani posts": the forces manning them.
                        None if own_forces().is_some() => own_forces(),
                        None if words.iter().any(|w| {
                            matches!(
                                w.as_str(),
                                "posts" | "checkposts" | "check-posts" | "positions" | "pickets"
                            )
                        }) =>
                        {
                            Some(self.generic_actor(Role::State, cc, false, &words, event_day))
                        }
                        // "A US drone … killing 5 militants belonging to the Hafiz Gul
                        // Bahadur Group".
                        Some(Role::Armed) => armed.clone().or_else(|| {
                            Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                        }),
                        _ => Some(self.generic_actor(Role::Civilian, cc, false, &words, event_day)),
                    };
                    (a1.or(state), a2)
                } else if victims == Some(Role::Armed)
                    && (!op
                        // "suicide bombers rammed … the cantonment … All 16 terrorists were
                        // killed in the ensuing clearance operation": the bombing began it.
                        || bombed_first
                            && fs.first().is_some_and(|f| {
                                !f.triggers
                                    .iter()
                                    .any(|t| matches!(t, Trigger::Operation | Trigger::AirStrike))
                            }))
                    && (armed_started_it(&words, &named_armed_words) || bombed_first)
                {
                    // "Militants attacked a check post … the forces retaliated and killed
                    // two attackers": the initiator comes first even when its men died.
                    let a1 = armed.clone().or_else(&nearby_armed).or_else(|| {
                        Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                    });
                    let a2 = state.or_else(|| {
                        Some(self.generic_actor(Role::State, cc, police, &words, event_day))
                    });
                    (a1, a2)
                } else if op && (victims == Some(Role::Armed) || air_by_forces)
                    || (victims == Some(Role::Armed)
                        && claimed_actor.is_none()
                        && (state.is_some()
                            || generic_state
                            // "1 Soldier and 1 militant killed in an exchange of fire".
                            || both_sides
                            || triggers.contains(&Trigger::Clash) && nearby_state().is_some()
                            // "Security forces conducted two operations … In the first, …
                            // eight khwarij were sent to hell": militants killed, no one
                            // else named, by the forces told just before.
                            || agent_actor.is_none()
                                && !words.iter().any(|w| {
                                    matches!(
                                        w.as_str(),
                                        "gunmen"
                                            | "gunman"
                                            | "assailants"
                                            | "attackers"
                                            | "unidentified"
                                            | "unknown"
                                            | "miscreants"
                                            | "rival"
                                    )
                                })
                                && nearby_state().is_some()))
                {
                    // Forces the event's own sentences describe come before forces named
                    // earlier.
                    let a1 = state
                        .or_else(|| if generic_state { None } else { nearby_state() })
                        .or_else(|| Some(described_forces()));
                    // "engaged with BLA militants. 13 militants were killed": the group named
                    // just before is the one the dead belonged to.
                    let a2 = armed.or_else(nearby_armed).or_else(|| {
                        Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                    });
                    (a1, a2)
                } else if claimed_actor.is_none() && forces_fought_armed(&words, &named_armed_words)
                {
                    // "police exchanged heavy fire with TTP militants": the forces engaged
                    // the group, whoever died in the crossfire.
                    let a1 = state.or_else(|| {
                        Some(self.generic_actor(Role::State, cc, police, &words, event_day))
                    });
                    let a2 = armed.or_else(|| {
                        Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                    });
                    (a1, a2)
                } else if armed.is_none()
                    && claimed_actor.is_none()
                    && !fs.iter().any(|f| f.generic.contains(&Role::Armed))
                    && let Some(other) = state.clone().filter(|_| {
                        named.iter().any(|(a, _)| {
                            (is_state(a) || is_foreign(a))
                                && a.country.is_some()
                                && a.country.as_deref() != cc
                        })
                    })
                    && fs.iter().any(|f| f.generic.contains(&Role::State))
                {
                    // Two states' forces and no armed group: "Taliban fighters and Pakistani
                    // troops exchanged fire" (2024) is Afghanistan's forces against Pakistan's.
                    let other = Actor {
                        actor_type: Some(ActorType::ExternalOther.as_str().to_owned()),
                        ..other
                    };
                    let own = self.generic_actor(Role::State, cc, police, &words, event_day);
                    (Some(other), Some(own))
                } else if victims == Some(Role::Armed)
                    && claimed_actor.is_none()
                    && agent_actor.is_none()
                    && let armed_named = fs
                        .iter()
                        .flat_map(|f| f.actors.iter())
                        .filter(|a| is_armed(&a.1))
                        .collect::<Vec<_>>()
                    && let Some(theirs) = victims_group(&words, &casualties, &armed_named)
                    && let other = armed_named.iter().find(|a| a.2 != theirs.2)
                    && (other.is_some()
                        || words.iter().any(|w| {
                            matches!(
                                w.as_str(),
                                "gunmen"
                                    | "gunman"
                                    | "assailants"
                                    | "assailant"
                                    | "attackers"
                                    | "miscreants"
                                    | "unidentified"
                                    | "unknown"
                            )
                        }))
                {
                    // "Gunmen shot dead a Taliban leader", "TTP gunmen killed two Lashkar-e-Islam
                    // militants": the group named with the dead is theirs; the other group, or
                    // the unknown gunmen, the other side.
                    let a1 = other.map(|a| self.actor_from_info(&a.1, &a.2)).or_else(|| {
                        Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                    });
                    (a1, Some(self.actor_from_info(&theirs.1, &theirs.2)))
                } else if matches!(victims, Some(Role::Civilian) | None)
                    && armed.is_none()
                    && claimed_actor.is_none()
                    && agent_actor.is_none()
                    && forces_did_it(&words, the_state_since_2021.is_some())
                {
                    // "Three workers were killed by police firing", "Police fired on the
                    // workers, killing three": the forces, not an unidentified group.
                    let a1 = state.or_else(|| {
                        Some(self.generic_actor(Role::State, cc, police, &words, event_day))
                    });
                    let a2 = militia_target.clone().or_else(|| {
                        Some(self.generic_actor(Role::Civilian, cc, false, &words, event_day))
                    });
                    (a1, a2)
                } else if sub_event_type == "Abduction/forced disappearance"
                    && agent_actor.is_none()
                    && armed.is_none()
                    && taken_by_the_state(&words)
                {
                    // "picked up by security agencies": an enforced disappearance, by the
                    // forces.
                    let a2 = Some(self.generic_actor(Role::Civilian, cc, false, &words, event_day));
                    (state.or_else(|| Some(described_forces())), a2)
                } else {
                    let a1 = agent_actor
                        .clone()
                        .filter(|a| a.actor_type.as_deref() != Some("Civilians"))
                        .or(armed)
                        .or_else(|| {
                            Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                        });
                    let a2 = match victims {
                        Some(Role::State) => state.or_else(|| {
                            Some(self.generic_actor(Role::State, cc, police, &words, event_day))
                        }),
                        Some(Role::Foreign) => state.or_else(|| {
                            Some(self.generic_actor(Role::Foreign, cc, false, &words, event_day))
                        }),
                        // "The BLA claimed its fighters had killed 15 soldiers … three
                        // soldiers martyred and five terrorists killed": with the forces'
                        // dead among them, the group fought the forces.
                        Some(Role::Armed) if both_sides => state.or_else(|| {
                            Some(self.generic_actor(Role::State, cc, police, &words, event_day))
                        }),
                        // "6 Tauheedul Islam members were kidnapped and killed by
                        // Lashkar-e-Islam": the militia whose members died.
                        Some(Role::Armed) => militia_target.clone().or_else(|| {
                            Some(self.generic_actor(Role::Armed, cc, false, &words, event_day))
                        }),
                        Some(Role::Civilian) => militia_target.clone().or_else(|| {
                            Some(self.generic_actor(Role::Civilian, cc, false, &words, event_day))
                        }),
                        // A bomb or grenade with no one named hit whoever was there:
                        // ACLED's civilians.
                        // "security forces repulsed an attack from militants", "a
                        // gunfight with security forces": the forces, though none was hurt.
                        None => state
                            .or(militia_target.clone())
                            .or_else(|| {
                                (generic_state
                                    && (triggers.contains(&Trigger::Clash)
                                        || armed_started_it(&words, &named_armed_words)))
                                .then(|| {
                                    self.generic_actor(Role::State, cc, police, &words, event_day)
                                })
                            })
                            .or_else(|| {
                                (event_type == "Violence against civilians"
                                    || matches!(
                                        sub_event_type,
                                        "Remote explosive/landmine/IED"
                                            | "Grenade"
                                            | "Suicide bomb"
                                    ))
                                .then(|| {
                                    self.generic_actor(Role::Civilian, cc, false, &words, event_day)
                                })
                            }),
                    };
                    (a1, a2)
                }
            }
        };
        // An air or drone strike nobody in its own sentences names: aircraft are flown by
        // states, so the foreign forces the report blames elsewhere ("Residents blamed
        // Pakistani drones") are the likelier striker than an armed group.
        let unnamed = |a: &Option<Actor>| {
            a.as_ref()
                .is_none_or(|a| a.name.starts_with("Unidentified Armed Group"))
        };
        let actor1 = if sub_event_type == "Air/drone strike" && unnamed(&actor1) && !quadcopter() {
            // The countries whose forces the report names at work, read once a report.
            let named_at_work = report_forces.get_or_init(|| {
                let mut codes: Vec<&'static str> = Vec::new();
                for f in facts {
                    let fire = says_fire(&f.words);
                    for i in 0..f.words.len() {
                        if let Some(c) = forces_at_work(&f.words[i..], fire)
                            && !codes.contains(&c)
                        {
                            codes.push(c);
                        }
                    }
                }
                codes
            });
            named_at_work
                .iter()
                .copied()
                .find(|who| *who != "PK" || cc.is_some_and(|c| c != "PK"))
                .map(|code| {
                    // The event's own country's forces are its state's, not foreign.
                    if Some(code) == cc {
                        self.generic_actor(Role::State, cc, police, &words, event_day)
                    } else {
                        foreign_forces(code)
                    }
                })
                .or(actor1)
        } else {
            actor1
        };
        // "Militants belonging to separatist groups" in Balochistan: the province's separatists,
        // when the actor list knows one such group there and the text does not only guess.
        let described = || {
            let said = fs.iter().any(|f| {
                let guess = matches!(f.certainty, Certainty::Possible | Certainty::Denied)
                    || f.words
                        .iter()
                        .any(|w| matches!(w.as_str(), "could" | "may" | "might"));
                // ("…, but Baloch separatists have carried out similar attacks": their
                // record, no suspect.)
                !guess
                    && !tells_a_record(&f.words)
                    && f.words
                        .iter()
                        .any(|w| w == "separatist" || w == "separatists")
            });
            let (p, _) = place.as_ref().filter(|_| said)?;
            let id = self
                .kb
                .group_described_as("separatist", &p.country, p.admin1.as_deref()?)?;
            let a = self.kb.actor(&id)?;
            Some(self.actor_from_info(&a, &id))
        };
        let unidentified = |a: &Option<Actor>| {
            a.as_ref().is_some_and(|a| {
                a.entity_id
                    .as_ref()
                    .is_some_and(|id| id.as_str().starts_with("actor:unidentified-armed-group"))
            })
        };
        let (actor1, actor2) = match (unidentified(&actor1), unidentified(&actor2)) {
            (true, false) => (described().or(actor1), actor2),
            (false, true) => (actor1, described().or(actor2)),
            _ => (actor1, actor2),
        };
        // "killed 58 Pakistani soldiers" in an event placed in Afghanistan: the victims are
        // their own country's forces, not the event country's.
        let victims_country = casualties.iter().find_map(|(k, c)| {
            let w = &facts[*k].words;
            (c.role == Some(Role::State) && c.category != Category::Arrested)
                .then(|| {
                    w[c.token.min(w.len())..(c.token + 3).min(w.len())]
                        .iter()
                        .find_map(|x| nationality(x))
                })
                .flatten()
        });
        // ("Pakistani and Afghan border forces exchanged fire …, killing two Afghan guards":
        // the side that lost them is the target, the event country's forces fired.)
        let (actor1, actor2) = match victims_country {
            Some(code)
                if Some(code) != cc
                    && actor2.as_ref().is_some_and(|a| {
                        a.name
                            == self
                                .generic_actor(Role::State, cc, false, &words, event_day)
                                .name
                    }) =>
            {
                let theirs = foreign_forces(code);
                if actor1.as_ref().is_some_and(|a| a.name == theirs.name) {
                    (actor2, Some(theirs))
                } else {
                    (actor1, Some(theirs))
                }
            }
            _ => (actor1, actor2),
        };
        // The state regains territory from whoever held it.
        let state = |a: &Option<Actor>| {
            a.as_ref()
                .is_some_and(|a| a.actor_type.as_deref() == Some("State forces"))
        };
        let (actor1, actor2) = if sub_event_type == "Government regains territory"
            && !state(&actor1)
            && state(&actor2)
        {
            (actor2, actor1)
        } else {
            (actor1, actor2)
        };
        // "Daesh members" killed in Jalalabad: the Islamic State in Afghanistan is its
        // Khorasan Province (founded in January 2015), as ACLED codes it.
        let khorasan = |a: Option<Actor>| match a {
            Some(x)
                if x.entity_id
                    .as_ref()
                    .is_some_and(|e| e.0 == "actor:islamic-state")
                    && country.as_deref() == Some("AF")
                    && event_day.is_none_or(|d| {
                        d >= NaiveDate::from_ymd_opt(2015, 1, 1).expect("date")
                    }) =>
            {
                self.kb
                    .actor("actor:iskp")
                    .map(|i| self.actor_from_info(&i, "actor:iskp"))
                    .or(Some(x))
            }
            other => other,
        };
        let (actor1, actor2) = (khorasan(actor1), khorasan(actor2));
        for (a, id) in &named {
            let act = self.actor_from_info(a, id);
            let act = khorasan(Some(act.clone())).unwrap_or(act);
            let same = |x: &Option<Actor>| {
                x.as_ref()
                    .is_some_and(|y| y.entity_id == act.entity_id || y.name == act.name)
            };
            // A group that denied any part is not associated with the event on its denial.
            if !same(&actor1)
                && !same(&actor2)
                && !denied.contains(id)
                && !associated.iter().any(|x| x.entity_id == act.entity_id)
                && d.class != Class::Protest
            {
                associated.push(act);
            }
        }

        // On whose word, how sure.
        // A denial of someone's part leaves the event as reported; a denial that it happened,
        // in the sentence that tells it, makes the event denied.
        let denied_event = fs.first().is_some_and(|f| f.event_denied);
        // "… said Afghan forces had killed 19 Pakistani soldiers. Pakistan's military rejected
        // the claim": one side's word that the other denies is an allegation.
        // (Not where a group claimed its part: "the claim" rejected is the group's.)
        let contested = !denied_event
            && (fs.iter().skip(1).any(|f| f.event_denied) || fs.iter().any(|f| f.account_rejected))
            && !fs.iter().any(|f| f.speaks_of_its_part);
        // A group claiming or denying its part speaks of itself: its word neither hedges the
        // event nor sources it, as "the army claimed to have killed ten militants" does.
        // "TTP spokesman Muhammad Khurasani said the group's fighters had attacked a check
        // post, killing five soldiers": known only from the armed group's own word, the event
        // is its claim, an allegation until someone else reports it.
        // (Every sentence the group's report, not a claim of responsibility for what others
        // report.)
        // (Not a group telling of its own dead: "… was shot dead, Taliban leaders said".)
        // (Nor, since August 2021, the Taliban: Afghanistan's government speaks, as a state
        // does of strikes on its soil.)
        let the_state_speaks = |f: &SentenceFacts| {
            the_state_since_2021.is_some()
                && f.attribution.as_ref().is_some_and(|(source, _)| {
                    f.actors
                        .iter()
                        .any(|a| a.2 == "actor:taliban" && source.contains(a.3.as_str()))
                })
        };
        let group_word_only = d.class == Class::Violent
            && victims != Some(Role::Armed)
            && fs
                .iter()
                .all(|f| !f.speaks_of_its_part && an_armed_group_speaks(f) && !the_state_speaks(f));
        // "The claim could not be independently verified", told with the event or in the two
        // sentences after it: the reporter vouches for none of it.
        // (What is unverified must be the account: "the presence of the Taliban commander
        // could not be confirmed" doubts a detail.)
        // ("There was no independent confirmation of the claim.")
        let says_unverified = |f: &SentenceFacts| {
            let w = &f.words;
            w.windows(3).any(|x| {
                x[0] == "no"
                    && x[1] == "independent"
                    && matches!(x[2].as_str(), "confirmation" | "verification")
            }) || w.windows(3).enumerate().any(|(k, x)| {
                matches!(x[0].as_str(), "not" | "n't" | "cannot")
                    && (matches!(x[1].as_str(), "be" | "been")
                        && matches!(x[2].as_str(), "verified" | "confirmed" | "independently")
                        || x[1] == "independently"
                            && matches!(x[2].as_str(), "verified" | "confirmed" | "verify"))
                    && w[k.saturating_sub(6)..k].iter().any(|y| {
                        matches!(
                            y.as_str(),
                            "claim"
                                | "claims"
                                | "details"
                                | "report"
                                | "reports"
                                | "figures"
                                | "toll"
                                | "account"
                                | "accounts"
                                | "this"
                                | "it"
                                | "casualties"
                        )
                    })
            })
        };
        let unverified = d.class != Class::Verbal
            && d.sentences.last().is_some_and(|&last| {
                fs.iter().any(|f| says_unverified(f))
                    || (last + 1..last + 3).any(|k| facts.get(k).is_some_and(says_unverified))
            });
        let certainty = if denied_event {
            Certainty::Denied
        } else if group_word_only || contested || unverified {
            Certainty::Alleged
        } else {
            // (A sentence with no trigger or count of its own speaks of something else:
            // "Pakistan has long accused Kabul of sheltering TTP militants" hedges no
            // killing.)
            // (Nor, where others report the event too, does an armed group's own word: "The
            // TTP claimed its fighters had killed seven policemen … Police said two constables
            // were martyred".)
            fs.iter()
                .filter(|f| {
                    let tells_it = d.class == Class::Verbal || !f.anchors.is_empty();
                    let a_groups_word = others_report && an_armed_group_speaks(f);
                    !f.speaks_of_its_part && tells_it && !a_groups_word
                })
                .map(|f| f.certainty)
                .find(|c| *c != Certainty::Certain && *c != Certainty::Denied)
                .unwrap_or(Certainty::Certain)
        };
        let modality = if denied_event {
            Modality::Denied
        } else if d.class == Class::Verbal && cameo == "13" {
            Modality::Threatened
        } else if group_word_only
            || contested && fs.first().is_some_and(|f| f.attribution.is_some())
            || !claimed.is_empty()
                && fs.iter().all(|f| {
                    f.casualties.is_empty()
                        && !f.triggers.iter().any(|t| !matches!(t, Trigger::Attack))
                })
        {
            Modality::Claimed
        } else if certainty == Certainty::Alleged {
            Modality::ReportedAsAlleged
        } else if planned {
            Modality::Planned
        } else {
            Modality::Occurred
        };
        // The claimant's own word is set aside; another source in that sentence ("the minister
        // confirmed the toll …, Jundullah claimed responsibility") still counts.
        let attributed_to = fs
            .iter()
            .filter_map(|f| f.attribution.as_ref().map(|a| (f, a)))
            .filter(|(f, a)| !(is_claim_or_denial(&a.1) && f.speaks_of_its_part))
            .min_by_key(|(f, _)| others_report && an_armed_group_speaks(f))
            .map(|(_, a)| a.0.clone());
        let evidence: Vec<EvidenceRef> = fs
            .iter()
            .map(|f| EvidenceRef {
                document_id: cx.doc.id.clone(),
                begin: f.begin,
                end: f.end,
            })
            .collect();
        let first = evidence.first()?.begin;
        // An arrest event carries the detentions; the violence told beside it carries the dead.
        let unless_arrest = |n: Option<u32>| n.filter(|_| d.class != Class::Arrest && !planned);
        Some(Event {
            id: stable_id(
                "ev",
                &[cx.doc.id.as_str(), &first.to_string(), sub_event_type],
            ),
            document_ids: vec![cx.doc.id.clone()],
            event_type: event_type.to_owned(),
            sub_event_type: sub_event_type.to_owned(),
            disorder_type: disorder_type.to_owned(),
            cameo_code: Some(cameo.to_owned()),
            goldstein: goldstein(cameo),
            modality,
            date,
            location,
            actor1,
            actor2,
            associated_actors: associated,
            fatalities: unless_arrest(fatalities),
            fatalities_low: unless_arrest(fatalities_low),
            fatalities_high: unless_arrest(fatalities_high),
            injured: unless_arrest(injured),
            arrested: if d.class == Class::Violent || planned {
                None
            } else {
                arrested
            },
            certainty,
            attributed_to,
            evidence,
        })
    }
}

#[cfg(test)]
mod road_tests {
    use super::names_a_road;

    fn road(text: &str, name: &str) -> bool {
        let b = text.find(name).unwrap();
        names_a_road(text, b, b + name.len())
    }

    #[test]
    fn places_in_road_names_are_not_event_places() {
        let t = "A bomber struck a bus on the Quetta–Karachi highway near Mastung.";
        assert!(road(t, "Quetta"));
        assert!(road(t, "Karachi"));
        assert!(!road(t, "Mastung"));
        assert!(road(
            "a checkpost on the Zhob–Dera Ismail Khan highway",
            "Dera Ismail Khan"
        ));
        assert!(road(
            "a checkpost on the Zhob–Dera Ismail Khan highway",
            "Zhob"
        ));
        assert!(road("traffic on Bannu Road was halted", "Bannu"));
        assert!(!road("militants attacked Bannu on Tuesday", "Bannu"));
        assert!(!road("from Quetta to Karachi, officials said", "Quetta"));
    }

    #[test]
    fn hospitals_and_road_ends_are_elsewhere() {
        let at = |t: &str, name: &str| super::names_elsewhere(t, t.find(name).unwrap());
        assert!(at("the wounded were evacuated to CMH Quetta.", "Quetta"));
        assert!(at("taken to Lady Reading Hospital in Peshawar", "Peshawar"));
        assert!(at(
            "on the main highway linking Quetta and Karachi in Mastung",
            "Karachi"
        ));
        assert!(!at(
            "on the main highway linking Quetta and Karachi in Mastung",
            "Mastung"
        ));
        assert!(!at("A bomb exploded in Quetta on Friday.", "Quetta"));
        assert!(!at(
            "He was taken to hospital. Police in Quetta said",
            "Quetta"
        ));
    }
}

#[cfg(test)]
mod reading_tests {
    use super::{Class, Trigger, armed_started_it, classify, dates_another_event, refers_back};

    fn words(s: &str) -> Vec<String> {
        crate::text::tokens::tokenize(s)
            .iter()
            .map(|t| t.lower.to_string())
            .collect()
    }

    fn sub_event(triggers: &[Trigger], text: &str) -> &'static str {
        classify(triggers, None, &[], &words(text), Class::Violent).1
    }

    #[test]
    fn aircraft_at_work_are_an_air_strike_and_a_trade_is_no_attack() {
        let stage = super::EventStage::new(std::sync::Arc::new(crate::kb::EmptyKb));
        let found = |text: &str| -> Vec<Trigger> {
            let toks = crate::text::tokens::tokenize(text);
            stage
                .find_triggers(&toks)
                .into_iter()
                .map(|(t, _)| t)
                .collect()
        };
        for text in [
            "20 militants were killed as military fighter aircraft pounded hideouts.",
            "At least 4 militants were killed when a US drone targeted a compound.",
            "15 militants were killed as jet fighters struck Tirah.",
            "A US drone kills at least 5 in Shahi Khel, Shawal.",
        ] {
            assert!(found(text).contains(&Trigger::AirStrike), "{text}");
        }
        assert!(
            !found("The force detained an improvised explosive device facilitator.")
                .contains(&Trigger::Explosive)
        );
        // Shots fired at someone are an attack; shots not fired are none.
        assert!(found("Gunmen fired upon a passenger van.").contains(&Trigger::Attack));
        assert!(found("There were no shots fired at any of the locations.").is_empty());
    }

    #[test]
    fn air_support_in_a_ground_fight_is_a_battle() {
        use Trigger::*;
        assert_eq!(
            sub_event(
                &[Attack, AirStrike],
                "The patrol was attacked by insurgents with small arms fire and requested close air support, killing several insurgents."
            ),
            "Armed clash"
        );
        assert_eq!(
            sub_event(
                &[AirStrike],
                "After ensuring no civilians were in the area, the security force engaged the insurgents with a precision airstrike."
            ),
            "Air/drone strike"
        );
        // Bombs dropped are a strike told as such, even in a ground fight.
        assert_eq!(
            sub_event(
                &[Attack, AirStrike],
                "Insurgents attacked the patrol with small-arms fire; coalition air support engaged their firing positions with precision guided munitions."
            ),
            "Air/drone strike"
        );
        assert_eq!(
            sub_event(
                &[AirStrike, Attack],
                "As the security forces were departing, four armed insurgents moved to attack. An air weapons team was called in, killing all four."
            ),
            "Armed clash"
        );
        // No ground fight: the air weapons team's own engagement is a strike.
        assert_eq!(
            sub_event(
                &[AirStrike, Clash],
                "An air weapons team engaged insurgents emplacing a roadside bomb."
            ),
            "Air/drone strike"
        );
    }

    #[test]
    fn an_assault_with_rockets_and_gunfire_is_a_battle() {
        use Trigger::*;
        assert_eq!(
            sub_event(
                &[Attack, Shelling],
                "Fighters attacked the camp with rockets and automatic weapons."
            ),
            "Armed clash"
        );
        assert_eq!(
            sub_event(
                &[Explosive, Clash],
                "Residents reported heavy gunfire and several explosions; the attackers were pushed back after an exchange of fire."
            ),
            "Armed clash"
        );
        // A device named is a device, whatever follows.
        assert_eq!(
            sub_event(
                &[Explosive, Clash],
                "A roadside bomb struck the patrol, and an exchange of fire followed."
            ),
            "Remote explosive/landmine/IED"
        );
        assert_eq!(
            sub_event(&[Shelling], "Mortar shells landed on villages in Kurram."),
            "Shelling/artillery/missile attack"
        );
        // Rockets answered by the forces, or fired with guns, are a battle.
        assert_eq!(
            sub_event(
                &[Shelling],
                "Militants fired rockets on check posts, and the military retaliated."
            ),
            "Armed clash"
        );
        assert_eq!(
            sub_event(
                &[Shelling, Attack],
                "Two policemen were killed in a rocket and gunfire attack in Kulachi."
            ),
            "Armed clash"
        );
    }

    #[test]
    fn a_bomber_cornered_by_the_forces_fights_a_battle() {
        use Trigger::*;
        let sub = |text: &str| {
            classify(
                &[SuicideBomb, Clash],
                Some(super::Role::Armed),
                &[super::Role::State, super::Role::Armed],
                &words(text),
                Class::Violent,
            )
            .1
        };
        assert_eq!(
            sub(
                "Two suicide bombers blew themselves up when forces surrounded them during an exchange of fire."
            ),
            "Armed clash"
        );
        // A complex attack that begins with a suicide bomb stays one.
        assert_eq!(
            sub(
                "The attack began with a suicide car bomb, followed by gunmen fighting the forces."
            ),
            "Suicide bomb"
        );
    }

    #[test]
    fn who_started_the_fight() {
        let none: Vec<String> = Vec::new();
        let ttp = vec!["ttp".to_owned()];
        assert!(armed_started_it(
            &words("Militants opened fire on a joint checkpost of the Frontier Corps."),
            &none
        ));
        assert!(armed_started_it(
            &words(
                "3 militants were killed when a group of armed TTP militants attacked a check-post."
            ),
            &ttp
        ));
        assert!(armed_started_it(
            &words("Security personnel came under attack in Kech by members of the BRA."),
            &["bra".to_owned()]
        ));
        // Without a named group there, "members of" says nothing about who they were.
        assert!(!armed_started_it(
            &words("Security personnel came under attack in Kech by members of the club."),
            &none
        ));
        assert!(armed_started_it(
            &words(
                "1 soldier and 5 militants were killed as security forces repulsed an attack on a checkpost."
            ),
            &none
        ));
        assert!(!armed_started_it(
            &words("Security forces raided a hideout and killed two suspected militants."),
            &none
        ));
        assert!(!armed_started_it(
            &words("Troops attacked militant hideouts in Tirah."),
            &none
        ));
        assert!(armed_started_it(
            &words("Militants fired rockets on check posts, and the military retaliated."),
            &none
        ));
        assert!(!armed_started_it(
            &words("Troops fired rockets on militant hideouts in Tirah."),
            &none
        ));
    }

    #[test]
    fn dates_of_other_events() {
        let other = |text: &str, date: &str| {
            let b = text.find(date).unwrap();
            dates_another_event(text, (b, b + date.len()))
        };
        assert!(other(
            "a commander connected to the July 2 attack near the hotel",
            "July 2"
        ));
        assert!(other(
            "linked to the July 2 vehicle-borne IED attack",
            "July 2"
        ));
        assert!(other(
            "attacks during Saturday's election in Paktiya",
            "Saturday"
        ));
        assert!(other(
            "a Taliban leader responsible for an attack Jan. 7 in Charkh",
            "Jan. 7"
        ));
        assert!(other("their 60th leader since Oct. 1.", "Oct. 1"));
        // The event's own dates.
        assert!(!other("the force struck the compound on July 2.", "July 2"));
        assert!(!other(
            "insurgents were killed in an airstrike Feb. 7, in Helmand",
            "Feb. 7"
        ));
        assert!(!other("the July 2 meeting of elders in Kunduz", "July 2"));
        assert!(!other(
            "The death toll from Tuesday's suicide bombing rose to 12",
            "Tuesday"
        ));
        assert!(!other("The July 2 attack killed five policemen", "July 2"));
    }

    #[test]
    fn paragraphs_that_point_back() {
        assert!(refers_back(&words(
            "Six of the wounded died overnight at the hospital."
        )));
        assert!(refers_back(&words(
            "The attackers tried to enter the police station."
        )));
        assert!(!refers_back(&words(
            "In another incident, two policemen were shot dead in Bannu."
        )));
    }
}
