-- ARGV: id, the JSON as it was read, score ('' when paused), channel, instance. Takes a quarantined
-- task whose JSON now reads back into the indexes; returns 0 when it is not quarantined or its JSON
-- changed since it was read.
local id = ARGV[1]
if redis.call('HEXISTS', KEYS[7], id) == 0 or redis.call('HGET', KEYS[1], id) ~= ARGV[2] then
	return 0
end
redis.call('HDEL', KEYS[7], id)
redis.call('HDEL', KEYS[8], id)
redis.call('HINCRBY', KEYS[2], id, 1)
schedule(id, ARGV[3], ARGV[4], ARGV[5])
return 1
