-- Deletes every task but the quarantined ones, whose data is kept for a person to inspect.
local kept = {}
for _, id in ipairs(redis.call('HKEYS', KEYS[7])) do
	kept[id] = { redis.call('HGET', KEYS[1], id), redis.call('HGET', KEYS[2], id) }
end
redis.call('UNLINK', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
for id, data in pairs(kept) do
	if data[1] then
		redis.call('HSET', KEYS[1], id, data[1])
	end
	if data[2] then
		redis.call('HSET', KEYS[2], id, data[2])
	end
end
return 1
