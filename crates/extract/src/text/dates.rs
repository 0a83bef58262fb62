//! Dates in reports: datelines, explicit dates and relative expressions ("yesterday",
//! "on Tuesday", "last week", "in 2024"), resolved against a reference day.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use tessera_model::{DateGranularity, DateType};

/// A date read from text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
    /// How fine.
    pub granularity: DateGranularity,
    /// How it was read.
    pub date_type: DateType,
    /// Byte span of the expression in the searched text.
    pub span: (usize, usize),
}

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Full month and weekday names (lower case): words that are dates before they are names.
pub const CALENDAR_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// A lower-case word that names a weekday or a month, full or abbreviated ("tuesday", "sept").
pub fn is_calendar_word(w: &str) -> bool {
    CALENDAR_WORDS.contains(&w) || MONTHS.iter().any(|(k, _)| *k == w)
}

/// A lower-case word that names a month, full or abbreviated ("october", "sept").
pub fn is_month_name(w: &str) -> bool {
    MONTHS.iter().any(|(k, _)| *k == w)
}

fn month_of(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    // Month names are 3 to 9 letters and start with one of these (a cheap test first: it runs
    // on every word).
    if w.len() < 3
        || w.len() > 9
        || !matches!(
            w.as_bytes()[0].to_ascii_lowercase(),
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
    {
        return None;
    }
    MONTHS
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(w))
        .map(|(_, m)| *m)
}

fn weekday_of(w: &str) -> Option<Weekday> {
    if !w.ends_with("day") && !w.ends_with("DAY") {
        return None;
    }
    Some(match w.to_ascii_lowercase().as_str() {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// Simple words with byte offsets: runs of letters and digits.
fn words(text: &str) -> Vec<(usize, usize, &str)> {
    use crate::text::tokens::{char_at, is_word_char};
    let mut out = Vec::with_capacity(text.len() / 6 + 2);
    let mut i = 0;
    while i < text.len() {
        let (c, len) = char_at(text, i);
        if !is_word_char(c) {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < text.len() {
            let (c, len) = char_at(text, i);
            if !is_word_char(c) {
                break;
            }
            i += len;
        }
        out.push((start, i, &text[start..i]));
    }
    out
}

fn day_num(w: &str) -> Option<u32> {
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let d = w.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &w[d.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || d.is_empty() || d.len() > 2 {
        return None;
    }
    d.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A year as news writes it: four digits from 1900 to 2100 (one test for dates, counts and
/// tallies alike).
pub(crate) fn year_num(w: &str) -> Option<i32> {
    (w.len() == 4)
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

fn exact(d: NaiveDate, span: (usize, usize)) -> FoundDate {
    FoundDate {
        start: d,
        end: d,
        granularity: DateGranularity::Day,
        date_type: DateType::Exact,
        span,
    }
}

/// The year a month/day without a year most plausibly falls in, given the reference day:
/// reports speak of the past, so a date after the reference belongs to the year before.
fn infer_year(month: u32, day: u32, reference: Option<NaiveDate>) -> Option<NaiveDate> {
    let r = reference?;
    let d = NaiveDate::from_ymd_opt(r.year(), month, day)?;
    if d > r + Duration::days(7) {
        NaiveDate::from_ymd_opt(r.year() - 1, month, day)
    } else {
        Some(d)
    }
}

/// A month and day, with the year written at word `at` ("March 3, 2025", "3 March 2025") or
/// inferred from the reference day. Returns the date and, when written, the year and its end.
fn day_and_year(
    ws: &[(usize, usize, &str)],
    at: usize,
    month: u32,
    day: u32,
    reference: Option<NaiveDate>,
) -> (Option<NaiveDate>, Option<(i32, usize)>) {
    let year = ws
        .get(at)
        .and_then(|&(_, ye, yw)| year_num(yw).map(|y| (y, ye)));
    let date = match year {
        Some((y, _)) => NaiveDate::from_ymd_opt(y, month, day),
        None => infer_year(month, day, reference),
    };
    (date, year)
}

/// Every absolute date in `text` ("Jan. 25, 2013", "25 January 2013", "2013-01-25",
/// "March 3" with the year inferred from `reference`).
pub fn absolute_dates(text: &str, reference: Option<NaiveDate>) -> Vec<FoundDate> {
    absolute_dates_in(text, &words(text), reference)
}

/// [`absolute_dates`] over the text's words, already split.
fn absolute_dates_in(
    text: &str,
    ws: &[(usize, usize, &str)],
    reference: Option<NaiveDate>,
) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        let (s, e, w) = ws[i];
        // ISO 2013-01-25.
        if let Some(y) = year_num(w)
            && let (Some(m), Some(d)) = (ws.get(i + 1), ws.get(i + 2))
            && text[e..m.0] == *"-"
            && text[m.1..d.0] == *"-"
            && let (Ok(mm), Ok(dd)) = (m.2.parse::<u32>(), d.2.parse::<u32>())
            && let Some(date) = NaiveDate::from_ymd_opt(y, mm, dd)
        {
            out.push(exact(date, (s, d.1)));
            i += 3;
            continue;
        }
        if let Some(m) = month_of(w) {
            // Month D[, YYYY]
            if let Some(&(_, de, dw)) = ws.get(i + 1)
                && let Some(d) = day_num(dw)
            {
                // "May" is a verb far more often than a month without a day; a day is required.
                let (date, year) = day_and_year(ws, i + 2, m, d, reference);
                if let Some(date) = date {
                    let end = year.map_or(de, |(_, ye)| ye);
                    out.push(exact(date, (s, end)));
                    i += if year.is_some() { 3 } else { 2 };
                    continue;
                }
            }
            // Month YYYY ("May 2011" with its capital: "may" is a verb).
            if (w.len() > 3 && !w.eq_ignore_ascii_case("may") || w == "May")
                && let Some(&(_, ye, yw)) = ws.get(i + 1)
                && let Some(y) = year_num(yw)
                && let Some(first) = NaiveDate::from_ymd_opt(y, m, 1)
            {
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, m + 1, 1)
                };
                out.push(FoundDate {
                    start: first,
                    end: next.map_or(first, |n| n - Duration::days(1)),
                    granularity: DateGranularity::Month,
                    date_type: DateType::Approximate,
                    span: (s, ye),
                });
                i += 2;
                continue;
            }
        }
        // "the 1st of June [2025]": a day of a month, with "of" between.
        if let Some(d) = day_num(w)
            && ws
                .get(i + 1)
                .is_some_and(|o| o.2.eq_ignore_ascii_case("of"))
            && let Some(&(_, me, mw)) = ws.get(i + 2)
            && let Some(m) = month_of(mw)
            && mw.len() >= 3
        {
            let (date, year) = day_and_year(ws, i + 3, m, d, reference);
            if let Some(date) = date {
                out.push(exact(date, (s, year.map_or(me, |(_, ye)| ye))));
                i += if year.is_some() { 4 } else { 3 };
                continue;
            }
        }
        // D Month [YYYY]
        if let Some(d) = day_num(w)
            && let Some(&(_, me, mw)) = ws.get(i + 1)
            && let Some(m) = month_of(mw)
            && mw.len() >= 3
        {
            // "the night of 3/4 June", "on the night of 12-13 March": it began on the first
            // day.
            let (d, s) = match i.checked_sub(1).map(|k| ws[k]) {
                Some((ps, pe, pw))
                    if matches!(&text[pe..s], "/" | "-" | "–")
                        && day_num(pw).is_some_and(|p| p + 1 == d) =>
                {
                    (day_num(pw).unwrap_or(d), ps)
                }
                _ => (d, s),
            };
            let (date, year) = day_and_year(ws, i + 2, m, d, reference);
            if let Some(date) = date {
                out.push(exact(date, (s, year.map_or(me, |(_, ye)| ye))));
                i += if year.is_some() { 3 } else { 2 };
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The dateline date of a report: the first absolute date in its first 400 characters, with
/// its byte span. A dateline without a year ("(Sept. 8)") takes the year of the first
/// four-digit year nearby (release numbers such as "2010-09-CA-125").
pub fn dateline(text: &str) -> Option<(NaiveDate, (usize, usize))> {
    let head = head_of(text, 400);
    let ws = words(head);
    if let Some(d) = absolute_dates_in(head, &ws, None)
        .into_iter()
        .find(|d| d.granularity == DateGranularity::Day)
    {
        return Some((d.start, d.span));
    }
    let year = ws.iter().find_map(|(_, _, w)| year_num(w))?;
    let reference = NaiveDate::from_ymd_opt(year, 12, 31)?;
    absolute_dates_in(head, &ws, Some(reference))
        .into_iter()
        .find(|d| d.granularity == DateGranularity::Day)
        .map(|d| {
            // A month/day read against 31 December stays in that year.
            let start =
                NaiveDate::from_ymd_opt(year, d.start.month(), d.start.day()).unwrap_or(d.start);
            (start, d.span)
        })
}

/// The first `chars` characters of `text`, where a dateline stands.
fn head_of(text: &str, chars: usize) -> &str {
    &text[..text
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(b, _)| b)]
}

/// A dateline with no year ("PESHAWAR, March 3: …"), read in the year of `published`: a day
/// and month in the report's first 60 characters, closed by a colon, a dash or a bracket.
pub fn dateline_without_year(
    text: &str,
    published: NaiveDate,
) -> Option<(NaiveDate, (usize, usize))> {
    let head = head_of(text, 60);
    let ws = words(head);
    absolute_dates_in(head, &ws, Some(published))
        .into_iter()
        .find(|d| {
            d.granularity == DateGranularity::Day
                && text[d.span.1..]
                    .trim_start()
                    .starts_with([':', '-', '–', '—', ')'])
        })
        .map(|d| (d.start, d.span))
}

/// Whether the date at `span` is told by a sentence ("Police on January 15 arrested …",
/// "involvement in the January 15, 2012 bomb blast"): an event's date, a weak dateline when
/// the report's own date is known.
pub fn told_in_a_sentence(text: &str, span: (usize, usize)) -> bool {
    let before = text.get(..span.0).unwrap_or("").trim_end();
    let last = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    [
        "the", "on", "in", "since", "from", "until", "till", "before", "after", "by", "during",
        "between", "and",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(last))
}

/// The dateline date of a report (see [`dateline`]).
pub fn dateline_date(text: &str) -> Option<NaiveDate> {
    dateline(text).map(|d| d.0)
}

/// True for expressions that frame the report ("today", "this morning") rather than date the
/// event; a more specific expression in the same sentence wins over them.
pub fn is_report_frame(expr: &str) -> bool {
    let e = expr.trim().to_ascii_lowercase();
    e.starts_with("today") || e.starts_with("this ") || e.starts_with("tonight")
}

/// The words that open a relative date ("yesterday", "last night", "this morning", "the past
/// two days").
const RELATIVE_WORDS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "last",
    "this",
    "past",
    "ago",
    "previous",
    "earlier",
    "weekend",
];

/// Relative and absolute date expressions in `text`, resolved against `reference`.
///
/// "yesterday"/"last night"/"overnight" = the day before; "today"/"this morning"/"tonight" = the day;
/// "on Tuesday" = the latest Tuesday not after the reference; "last week"/"last month" =
/// approximate ranges; "in 2024" = the year; "in March" = that month.
pub fn find_dates(text: &str, reference: Option<NaiveDate>) -> Vec<FoundDate> {
    let ws = words(text);
    // Most sentences name no date: without a number, a month, a weekday or a relative word
    // nothing below can match, and the rest is skipped.
    let numbered = ws.iter().any(|&(_, _, w)| w.as_bytes()[0].is_ascii_digit());
    if !numbered
        && !ws.iter().any(|&(_, _, w)| {
            // Words in other scripts are folded to ASCII below: let them through.
            !w.is_ascii()
                || month_of(w).is_some()
                || weekday_of(w).is_some()
                || RELATIVE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(w))
        })
    {
        return Vec::new();
    }
    let mut out = if numbered {
        absolute_dates_in(text, &ws, reference)
    } else {
        Vec::new()
    };
    // One lower-cased copy of an ASCII sentence instead of a string per capitalised word.
    let ascii_lower = text.is_ascii().then(|| text.to_ascii_lowercase());
    let lower: Vec<std::borrow::Cow<'_, str>> = ws
        .iter()
        .map(|&(s, e, w)| match &ascii_lower {
            Some(l) => std::borrow::Cow::Borrowed(&l[s..e]),
            None => crate::text::tokens::fold(w),
        })
        .collect();
    // Whether `s..e` overlaps a date found: the absolute ones by binary search, the ones this
    // loop adds (in text order) from the last back, so a sentence full of dates stays linear.
    let absolute = crate::pipeline::TakenSpans::new(out.iter().map(|d| d.span).collect());
    let first_relative = out.len();
    let mut longest_relative = 0;
    let taken = |s: usize, e: usize, out: &Vec<FoundDate>, longest: usize| {
        absolute.overlaps(s, e)
            || out[first_relative..]
                .iter()
                .rev()
                .take_while(|d| d.span.0 + longest >= s)
                .any(|d| s < d.span.1 && d.span.0 < e)
    };
    for i in 0..ws.len() {
        let (s, e, _) = ws[i];
        let w = lower[i].as_ref();
        let next = lower.get(i + 1).map(|c| c.as_ref()).unwrap_or("");
        let prev = if i > 0 { lower[i - 1].as_ref() } else { "" };
        if taken(s, e, &out, longest_relative) {
            continue;
        }
        let Some(r) = reference else {
            // Without a reference only years can be placed.
            if prev == "in"
                && let Some(y) = year_num(w)
            {
                out.push(year_range(y, (s, e)));
            }
            continue;
        };
        let found = match (w, next) {
            // "the day before yesterday": two days back.
            ("yesterday", _) if prev == "before" && i >= 2 && lower[i - 2].as_ref() == "day" => {
                Some(exact(r - Duration::days(2), (ws[i - 2].0, e)))
            }
            ("yesterday", _) => Some(exact(r - Duration::days(1), (s, e))),
            ("last", "night") => Some(exact(r - Duration::days(1), (s, ws[i + 1].1))),
            // "detained several insurgents in Khost province overnight": the night before
            // the report, which began the day before.
            ("overnight", _) => Some(exact(r - Duration::days(1), (s, e))),
            // "the blast in Quetta the previous day", "killed a day earlier": the day before
            // the one the report tells, its own.
            ("previous", "day") if prev == "the" => {
                Some(exact(r - Duration::days(1), (ws[i - 1].0, ws[i + 1].1)))
            }
            ("day", "earlier") if prev == "a" => {
                Some(exact(r - Duration::days(1), (ws[i - 1].0, ws[i + 1].1)))
            }
            ("today" | "tonight", _) => Some(exact(r, (s, e))),
            ("this", "morning" | "afternoon" | "evening") => Some(exact(r, (s, ws[i + 1].1))),
            // "during the past two days": from that many days back up to the report.
            ("past" | "last", _)
                if prev == "the"
                    && let Some(n) = crate::text::numbers::word_value(next)
                    && let Some(unit) = lower.get(i + 2).map(|c| c.as_ref())
                    && matches!(unit, "days" | "hours")
                    && n > 0 =>
            {
                // A day's update covers "the past 24 hours": the day of the report.
                let days = if unit == "hours" {
                    n.div_ceil(24) - 1
                } else {
                    n
                };
                Some(FoundDate {
                    start: r - Duration::days(days.min(366) as i64),
                    end: r,
                    granularity: DateGranularity::Day,
                    date_type: if days == 0 {
                        DateType::Approximate
                    } else {
                        DateType::Range
                    },
                    span: (s, ws[i + 2].1),
                })
            }
            // "two days ago", "a week ago", "3 weeks ago".
            (_, "day" | "days" | "week" | "weeks")
                if lower.get(i + 2).is_some_and(|a| a == "ago")
                    && let Some(n) = crate::text::numbers::word_value(w)
                        .or_else(|| (w == "a" || w == "one").then_some(1))
                        .filter(|n| (1..=366).contains(n)) =>
            {
                let week = next.starts_with("week");
                let days = if week { 7 * n as i64 } else { n as i64 };
                let day = r - Duration::days(days);
                Some(FoundDate {
                    start: if week { day - Duration::days(3) } else { day },
                    end: if week { day + Duration::days(3) } else { day },
                    granularity: if week {
                        DateGranularity::Week
                    } else {
                        DateGranularity::Day
                    },
                    date_type: if week {
                        DateType::Approximate
                    } else {
                        DateType::Exact
                    },
                    span: (s, ws[i + 2].1),
                })
            }
            // "earlier this week": from its Monday to the report.
            ("this", "week") => Some(FoundDate {
                start: r - Duration::days(r.weekday().num_days_from_monday() as i64),
                end: r,
                granularity: DateGranularity::Week,
                date_type: DateType::Approximate,
                span: (s, ws[i + 1].1),
            }),
            ("this", "month") => Some(FoundDate {
                start: NaiveDate::from_ymd_opt(r.year(), r.month(), 1).unwrap_or(r),
                end: r,
                granularity: DateGranularity::Month,
                date_type: DateType::Approximate,
                span: (s, ws[i + 1].1),
            }),
            ("last", "year") => Some(year_range(r.year() - 1, (s, ws[i + 1].1))),
            ("last", "week") => Some(FoundDate {
                start: r - Duration::days(13),
                end: r - Duration::days(7),
                granularity: DateGranularity::Week,
                date_type: DateType::Approximate,
                span: (s, ws[i + 1].1),
            }),
            ("last", "month") => {
                let first_this = NaiveDate::from_ymd_opt(r.year(), r.month(), 1).unwrap_or(r);
                let last_prev = first_this - Duration::days(1);
                Some(FoundDate {
                    start: NaiveDate::from_ymd_opt(last_prev.year(), last_prev.month(), 1)
                        .unwrap_or(last_prev),
                    end: last_prev,
                    granularity: DateGranularity::Month,
                    date_type: DateType::Approximate,
                    span: (s, ws[i + 1].1),
                })
            }
            // "over the weekend", "at the weekend", "last weekend": the last Saturday and
            // Sunday up to the report.
            ("weekend", _) if matches!(prev, "the" | "last" | "this") => {
                let back = (r.weekday().num_days_from_monday() as i64 + 2) % 7;
                let saturday = r - Duration::days(back);
                let sunday = (saturday + Duration::days(1)).min(r);
                let from = if prev == "the" { s } else { ws[i - 1].0 };
                Some(FoundDate {
                    start: saturday,
                    end: sunday,
                    granularity: DateGranularity::Day,
                    date_type: if sunday > saturday {
                        DateType::Range
                    } else {
                        DateType::Exact
                    },
                    span: (from, e),
                })
            }
            // "on Monday last week": that weekday of the week before the report's.
            (_, "last")
                if lower.get(i + 2).is_some_and(|x| x == "week")
                    && let Some(wd) = weekday_of(w) =>
            {
                let monday = r - Duration::days(r.weekday().num_days_from_monday() as i64);
                let day =
                    monday - Duration::days(7) + Duration::days(wd.num_days_from_monday() as i64);
                Some(exact(day, (s, ws[i + 2].1)))
            }
            _ => {
                // A month's full name ("in May" with its capital, not the verb).
                let full_month = w.len() > 3 || w == "may" && ws[i].2.starts_with('M');
                if let Some(wd) = weekday_of(w) {
                    // "on Tuesday", "Tuesday night", "late on Tuesday".
                    let back = (7 + r.weekday().num_days_from_monday() as i64
                        - wd.num_days_from_monday() as i64)
                        % 7;
                    Some(exact(r - Duration::days(back), (s, e)))
                } else if matches!(
                    prev,
                    "in" | "a"
                        | "an"
                        | "the"
                        | "since"
                        | "until"
                        | "before"
                        | "after"
                        | "during"
                        | "by"
                        | "early"
                        | "late"
                        | "mid"
                ) && let Some(y) = year_num(w)
                {
                    // "in 2024", "a 2024 decree", "since 2021".
                    Some(year_range(y, (s, e)))
                } else if let Some(m) = month_of(w).filter(|_| full_month)
                    && let Some((first_day, last_day, from)) = part_of_month(&lower, i)
                {
                    // "in early May", "mid-May", "at the end of May", "in the first week of
                    // May": that part of the month.
                    let (first, month_end) = latest_month(m, r);
                    let last_day = last_day.unwrap_or(month_end.day());
                    let first_day = first_day.unwrap_or(month_end.day().saturating_sub(6));
                    // (Not past the report: "in late April" told on 26 April.)
                    let start = first.with_day(first_day).unwrap_or(first).min(r);
                    let end = first
                        .with_day(last_day)
                        .unwrap_or(month_end)
                        .min(r)
                        .max(start);
                    Some(FoundDate {
                        start,
                        end,
                        granularity: DateGranularity::Week,
                        date_type: DateType::Approximate,
                        span: (ws[from].0, e),
                    })
                } else if prev == "in"
                    && let Some(m) = month_of(w).filter(|_| full_month)
                {
                    let (first, last) = latest_month(m, r);
                    Some(FoundDate {
                        start: first,
                        end: last,
                        granularity: DateGranularity::Month,
                        date_type: DateType::Approximate,
                        span: (s, e),
                    })
                } else {
                    None
                }
            }
        };
        if let Some(f) = found {
            longest_relative = longest_relative.max(f.span.1 - f.span.0);
            out.push(f);
        }
    }
    out.sort_by_key(|d| d.span.0);
    out
}

/// The first and last days of month `m` as last seen by the report of day `r`: this year's,
/// or last year's when the month is yet to come.
fn latest_month(m: u32, r: NaiveDate) -> (NaiveDate, NaiveDate) {
    let y = if m > r.month() {
        r.year() - 1
    } else {
        r.year()
    };
    let first = NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(r);
    let next_first = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    (first, next_first.map_or(first, |n| n - Duration::days(1)))
}

/// The part of a month the words before the month's name at `i` give, as (first day, last
/// day, index of the first cue word); `None` for the last day is the month's end, and for the
/// first day its last seven days.
/// "early May" (1-10), "mid-May" and "the middle of May" (11-20), "late May" and "the end of
/// May" (21 to the end), "the beginning of May" (1-10), "the first week of May" (1-7), "the
/// last week of May".
fn part_of_month(
    lower: &[std::borrow::Cow<'_, str>],
    i: usize,
) -> Option<(Option<u32>, Option<u32>, usize)> {
    let at = |k: usize| lower.get(k).map_or("", |c| c.as_ref());
    let back = |n: usize| i.checked_sub(n).map_or("", at);
    match (back(3), back(2), back(1)) {
        (_, _, "early") => Some((Some(1), Some(10), i - 1)),
        (_, _, "mid") => Some((Some(11), Some(20), i - 1)),
        (_, _, "late") => Some((Some(21), None, i - 1)),
        ("first", "week", "of") => Some((Some(1), Some(7), i - 3)),
        ("last", "week", "of") => Some((None, None, i - 3)),
        (_, "beginning" | "start", "of") => Some((Some(1), Some(10), i - 2)),
        (_, "middle", "of") => Some((Some(11), Some(20), i - 2)),
        (_, "end", "of") => Some((Some(21), None, i - 2)),
        _ => None,
    }
}

fn year_range(y: i32, span: (usize, usize)) -> FoundDate {
    FoundDate {
        start: NaiveDate::from_ymd_opt(y, 1, 1).expect("valid year"),
        end: NaiveDate::from_ymd_opt(y, 12, 31).expect("valid year"),
        granularity: DateGranularity::Year,
        date_type: DateType::Approximate,
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn datelines_and_relative_days() {
        let t =
            "KABUL, Afghanistan (Jan. 25, 2013) – A combined force arrested a leader yesterday.";
        let r = dateline_date(t).unwrap();
        assert_eq!(r, d("2013-01-25"));
        let found = find_dates(t, Some(r));
        assert_eq!(found.last().unwrap().start, d("2013-01-24"));
        // A raid "overnight" began the night before the report.
        let night = find_dates("detained several insurgents in Khost overnight", Some(r));
        assert_eq!(night[0].start, d("2013-01-24"));
        // "the previous day", "a day earlier": the day before.
        let before = find_dates("the blast in Quetta the previous day", Some(r));
        assert_eq!(before[0].start, d("2013-01-24"));
        let before = find_dates("killed a day earlier", Some(r));
        assert_eq!(before[0].start, d("2013-01-24"));
        assert_eq!(
            dateline_date("RAWALPINDI, 11 March 2025 (ISPR): ..."),
            Some(d("2025-03-11"))
        );
    }

    #[test]
    fn the_nth_of_a_month_a_weekend_and_a_weekday_last_week() {
        let r = d("2025-06-04"); // a Wednesday
        assert_eq!(
            find_dates("on the 1st of June", Some(r))[0].start,
            d("2025-06-01")
        );
        assert_eq!(
            find_dates("on the 3rd of March 2024", Some(r))[0].start,
            d("2024-03-03")
        );
        let w = &find_dates("over the weekend", Some(r))[0];
        assert_eq!(
            (w.start, w.end, w.date_type),
            (d("2025-05-31"), d("2025-06-01"), DateType::Range)
        );
        // On a Saturday the weekend is that day so far.
        let w = &find_dates("at the weekend", Some(d("2025-05-31")))[0];
        assert_eq!((w.start, w.end), (d("2025-05-31"), d("2025-05-31")));
        assert_eq!(
            find_dates("on Monday last week", Some(r))[0].start,
            d("2025-05-26")
        );
        assert_eq!(find_dates("on Monday", Some(r))[0].start, d("2025-06-02"));
    }

    #[test]
    fn parts_of_a_month_a_night_of_two_days_and_may_with_a_year() {
        let r = d("2025-06-04");
        let span = |t: &str| {
            let f = &find_dates(t, Some(r))[0];
            (f.start, f.end, f.granularity)
        };
        assert_eq!(
            span("in early May"),
            (d("2025-05-01"), d("2025-05-10"), DateGranularity::Week)
        );
        assert_eq!(span("in mid-May").0, d("2025-05-11"));
        assert_eq!(
            span("at the end of March"),
            (d("2025-03-21"), d("2025-03-31"), DateGranularity::Week)
        );
        assert_eq!(span("in the first week of May").1, d("2025-05-07"));
        // Not past the report: late in its own month is up to its day.
        assert_eq!(
            span("in late June"),
            (d("2025-06-04"), d("2025-06-04"), DateGranularity::Week)
        );
        // "in May" with its capital is the month; "may" is a verb.
        assert_eq!(span("in May").0, d("2025-05-01"));
        assert!(find_dates("it may rain", Some(r)).is_empty());
        // "in May 2011": that year's May, not this one's.
        assert_eq!(
            span("arrested in May 2011"),
            (d("2011-05-01"), d("2011-05-31"), DateGranularity::Month)
        );
        // The night of two days began on the first.
        assert_eq!(span("on the night of 12-13 March").0, d("2025-03-12"));
    }

    #[test]
    fn weekdays_weeks_years_and_months() {
        let r = d("2025-03-05"); // a Wednesday
        let f = find_dates(
            "late on Tuesday, and last week, and in 2024, and in March, and on March 3",
            Some(r),
        );
        assert_eq!(f[0].start, d("2025-03-04"));
        assert_eq!(f[1].granularity, DateGranularity::Week);
        assert_eq!(
            (f[2].start, f[2].granularity),
            (d("2024-01-01"), DateGranularity::Year)
        );
        assert_eq!((f[3].start, f[3].end), (d("2025-03-01"), d("2025-03-31")));
        assert_eq!(f[4].start, d("2025-03-03"));
        // "may" as a verb is not a date; a month after the reference falls in the year before.
        assert!(find_dates("They may attack", Some(r)).is_empty());
        assert_eq!(
            find_dates("on December 30", Some(r))[0].start,
            d("2024-12-30")
        );
        assert_eq!(
            find_dates("On the night of 3/4 June 2025, khwarij attacked", Some(r))[0].start,
            d("2025-06-03")
        );
        // Without a reference only years resolve.
        assert_eq!(find_dates("yesterday, in 2021", None).len(), 1);
        // "the past two days" reaches back two days; a day's update covers "the past 24
        // hours", the day itself.
        let past = find_dates("killed 30 insurgents during the past two days", Some(r));
        assert_eq!(
            (past[0].start, past[0].end, past[0].date_type),
            (d("2025-03-03"), r, DateType::Range)
        );
        let day = find_dates("detained 12 suspects over the past 24 hours", Some(r));
        assert_eq!((day[0].start, day[0].end), (r, r));
        assert!(find_dates("the past few days", Some(r)).is_empty());
        // Days and weeks ago; this week and month so far; last year.
        assert_eq!(
            find_dates("attacked a checkpost two days ago", Some(r))[0].start,
            d("2025-03-03")
        );
        let week = &find_dates("arrested 3 suspects 2 weeks ago", Some(r))[0];
        assert_eq!(
            (week.start, week.granularity),
            (d("2025-02-16"), DateGranularity::Week)
        );
        let this = &find_dates("earlier this week", Some(r))[0];
        assert_eq!(
            (this.start, this.end, this.granularity),
            (d("2025-03-03"), r, DateGranularity::Week)
        );
        assert_eq!(
            find_dates("earlier this month", Some(r))[0].start,
            d("2025-03-01")
        );
        assert_eq!(
            find_dates("a decree issued last year", Some(r))[0].start,
            d("2024-01-01")
        );
        assert!(find_dates("the attack came days after the vote", Some(r)).is_empty());
    }
}
