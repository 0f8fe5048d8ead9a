-- ARGV: owner, lease millis, ids. Extends the owner's claims on the ids; returns the ids it no
-- longer holds (their claim ended elsewhere).
local owner = ARGV[1]
local expiry = whole(serverMillis() + tonumber(ARGV[2]))
local lost = {}
for i = 3, #ARGV do
	local info = redis.call('HGET', KEYS[6], ARGV[i])
	if info and string.match(info, '^%d+:[^:]+:(.*)$') == owner then
		redis.call('ZADD', KEYS[5], 'XX', expiry, ARGV[i])
	else
		lost[#lost + 1] = ARGV[i]
	end
end
return lost
