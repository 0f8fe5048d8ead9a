-- ARGV: id. Deletes a quarantined task's data; returns 0 when the id is not quarantined.
local id = ARGV[1]
if redis.call('HDEL', KEYS[7], id) == 0 then
	return 0
end
redis.call('HDEL', KEYS[8], id)
redis.call('HDEL', KEYS[1], id)
redis.call('HDEL', KEYS[2], id)
redis.call('ZREM', KEYS[3], id)
redis.call('ZREM', KEYS[4], id)
endClaim(id)
return 1
