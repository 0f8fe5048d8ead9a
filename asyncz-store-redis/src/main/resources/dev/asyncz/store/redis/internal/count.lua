-- Returns how many readable tasks the store holds.
return redis.call('HLEN', KEYS[1]) - redis.call('HLEN', KEYS[7])
