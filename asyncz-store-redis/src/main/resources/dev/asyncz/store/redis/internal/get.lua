-- ARGV: id. Returns the task JSON, or nil when absent or quarantined.
if redis.call('HEXISTS', KEYS[7], ARGV[1]) == 1 then
	return false
end
return redis.call('HGET', KEYS[1], ARGV[1])
