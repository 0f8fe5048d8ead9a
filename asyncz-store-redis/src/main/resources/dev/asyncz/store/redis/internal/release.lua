-- ARGV: id, json, score ('' when paused), channel, instance, run score of the task as handed out.
-- Stores the task's next state, ending the claim, when this instance still holds the claim made for
-- that run and nothing wrote the task since; otherwise the write, removal or newer claim made since
-- stands and nothing changes. Returns 1 when stored.
local id = ARGV[1]
local version = heldClaim(id, ARGV[5], ARGV[6])
if not version or (redis.call('HGET', KEYS[2], id) or '0') ~= version then
	return 0
end
store(id, ARGV[2], ARGV[3], ARGV[4], ARGV[5])
return 1
