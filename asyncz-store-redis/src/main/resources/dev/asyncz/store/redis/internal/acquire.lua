-- ARGV: now (the scheduler's clock, epoch microseconds rounded down), limit, lease millis, owner.
-- Returns id, json, recovered flag triples: first claims whose lease expired by the server's clock,
-- then due tasks, earliest first. Every one returned is claimed by the owner until the new expiry.
local now, limit, lease, owner = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
local serverNow = serverMillis()
local expiry = whole(serverNow + lease)
local result = {}
local function handOut(id, runScore, recovered)
	local json = redis.call('HGET', KEYS[1], id)
	if not json then
		endClaim(id)
		return
	end
	claim(id, runScore, expiry, owner)
	result[#result + 1] = id
	result[#result + 1] = json
	result[#result + 1] = recovered
end
local expired = redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', whole(serverNow), 'LIMIT', 0, limit)
for _, id in ipairs(expired) do
	local info = redis.call('HGET', KEYS[6], id)
	local runScore = info and string.match(info, '^%d+:([^:]+):') or '0'
	handOut(id, runScore, '1')
end
local remaining = limit - #result / 3
if remaining > 0 then
	local due = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'WITHSCORES', 'LIMIT', 0, remaining)
	for i = 1, #due, 2 do
		redis.call('ZREM', KEYS[3], due[i])
		handOut(due[i], due[i + 1], '0')
	end
end
return result
