-- ARGV: id. Returns 1 when a task (quarantined or not) was removed.
local id = ARGV[1]
local removed = redis.call('HDEL', KEYS[1], id)
redis.call('HDEL', KEYS[2], id)
redis.call('ZREM', KEYS[3], id)
redis.call('ZREM', KEYS[4], id)
endClaim(id)
redis.call('HDEL', KEYS[7], id)
redis.call('HDEL', KEYS[8], id)
return removed
