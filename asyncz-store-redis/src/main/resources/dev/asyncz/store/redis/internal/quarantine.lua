-- ARGV: id, the unreadable JSON, reason, time. Takes the task out of every index but keeps its data;
-- returns 1 when this call set it aside (not when it was already, or was rewritten meanwhile).
local id = ARGV[1]
if redis.call('HGET', KEYS[1], id) ~= ARGV[2] then
	return 0
end
if redis.call('HSETNX', KEYS[7], id, ARGV[3]) == 0 then
	return 0
end
redis.call('HSET', KEYS[8], id, ARGV[4])
redis.call('ZREM', KEYS[3], id)
redis.call('ZREM', KEYS[4], id)
endClaim(id)
return 1
