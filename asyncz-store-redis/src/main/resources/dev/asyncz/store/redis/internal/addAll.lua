-- ARGV: channel, instance, '1' to only check the ids ('0' to add), then id, json, score ('' when
-- paused) for each task. Returns the 1-based position of the first task whose id is taken, writing
-- nothing; else 0, having added every task (unless only checking).
for i = 4, #ARGV, 3 do
	if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 1 then
		return (i - 1) / 3
	end
end
if ARGV[3] == '1' then
	return 0
end
for i = 4, #ARGV, 3 do
	local id = ARGV[i]
	redis.call('HSET', KEYS[1], id, ARGV[i + 1])
	redis.call('HINCRBY', KEYS[2], id, 1)
	schedule(id, ARGV[i + 2], ARGV[1], ARGV[2])
end
return 0
