-- wrk script for bench/load.sh: cycles through filtered /api/events requests, the mix an
-- analyst's events page makes (type, province, dates, certainty, box, actor, source, cursor).
local paths = {
  "/api/events?limit=50",
  "/api/events?type=Battles&limit=50",
  "/api/events?admin1=Balochistan&limit=50",
  "/api/events?since=2015-03-01&until=2015-06-30&limit=50",
  "/api/events?certainty=alleged&limit=50",
  "/api/events?bbox=66,24,71,31&limit=50",
  "/api/events?type=Explosions%2FRemote%20violence&admin1=Khyber%20Pakhtunkhwa&limit=50",
  "/api/events?actor=taliban&limit=50",
  "/api/events?since=2015-01-01&until=2015-12-31&type=Violence%20against%20civilians&limit=100",
  "/api/events?place=Quetta&limit=50",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
