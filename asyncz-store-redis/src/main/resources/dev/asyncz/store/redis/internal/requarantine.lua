-- ARGV: id, reason. Records why a quarantined task still cannot be read; returns 0 when it is not
-- quarantined (any more).
if redis.call('HEXISTS', KEYS[7], ARGV[1]) == 0 then
	return 0
end
redis.call('HSET', KEYS[7], ARGV[1], ARGV[2])
return 1
