-- ARGV: now (the scheduler's clock, epoch microseconds rounded down), limit.
-- Claims nothing: returns, in the order acquire would hand them out, up to limit run scores of what an
-- acquire at now would take: '-inf' for each claim whose lease expired by the server's clock, then the
-- scores of the earliest due tasks. A store spread over partitions uses it to share one acquire's limit.
local now, limit = ARGV[1], tonumber(ARGV[2])
local result = {}
for _ in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', whole(serverMillis()), 'LIMIT', 0, limit)) do
	result[#result + 1] = '-inf'
end
local remaining = limit - #result
if remaining > 0 then
	local due = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now, 'WITHSCORES', 'LIMIT', 0, remaining)
	for i = 2, #due, 2 do
		result[#result + 1] = due[i]
	end
end
return result
