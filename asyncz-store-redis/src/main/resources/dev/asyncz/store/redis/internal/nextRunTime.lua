-- Returns the score of the earliest run no live claim holds: the head of the due set, or the run of
-- a claim whose lease expired (it is handed out again by the next acquire). Nil when there is none.
local head = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
local earliest = head[2] and tonumber(head[2])
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[5], '-inf', whole(serverMillis()))) do
	local info = redis.call('HGET', KEYS[6], id)
	local run = info and tonumber(string.match(info, '^%d+:([^:]+):'))
	if run and (earliest == nil or run < earliest) then
		earliest = run
	end
end
if earliest == nil then
	return false
end
return whole(earliest)
