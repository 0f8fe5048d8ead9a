-- ARGV: id, owner, run score of the task as handed out. Removes the task when this owner still
-- holds the claim made for that run and nothing wrote the task since. Returns 1 when removed.
local id = ARGV[1]
local version = heldClaim(id, ARGV[2], ARGV[3])
if not version then
	return 0
end
if (redis.call('HGET', KEYS[2], id) or '0') ~= version then
	endClaim(id)
	return 0
end
redis.call('HDEL', KEYS[1], id)
redis.call('HDEL', KEYS[2], id)
endClaim(id)
return 1
