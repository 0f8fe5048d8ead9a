-- ARGV: id, json, score ('' when paused), channel, instance. Returns 0 when no task has the id.
local id = ARGV[1]
if redis.call('HEXISTS', KEYS[1], id) == 0 then
	return 0
end
store(id, ARGV[2], ARGV[3], ARGV[4], ARGV[5])
return 1
