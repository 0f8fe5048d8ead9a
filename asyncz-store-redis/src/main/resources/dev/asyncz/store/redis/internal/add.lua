-- ARGV: id, json, score ('' when paused), channel, instance. Returns 0 when the id is taken.
local id = ARGV[1]
if redis.call('HSETNX', KEYS[1], id, ARGV[2]) == 0 then
	return 0
end
redis.call('HINCRBY', KEYS[2], id, 1)
schedule(id, ARGV[3], ARGV[4], ARGV[5])
return 1
