-- Shared by every script. KEYS are always, in this order:
-- 1 tasks (hash id -> task JSON), 2 versions (hash id -> write counter),
-- 3 due (zset id -> next run, epoch microseconds rounded up), 4 paused (zset id -> 0, so ordered by id:
-- paused tasks and tasks that failed for good, neither having a next run),
-- 5 claims (zset id -> lease expiry, epoch millis of the Redis server's clock),
-- 6 claim info (hash id -> "version:runScore:owner"), 7 quarantine (hash id -> reason),
-- 8 quarantine times (hash id -> ISO-8601 instant; none for entries set aside by earlier versions).

local function serverMillis()
	local time = redis.call('TIME')
	return tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
end

local function whole(number)
	return string.format('%.0f', number)
end

local function endClaim(id)
	redis.call('ZREM', KEYS[5], id)
	redis.call('HDEL', KEYS[6], id)
end

local function claim(id, runScore, expiry, owner)
	local version = redis.call('HGET', KEYS[2], id) or '0'
	redis.call('ZADD', KEYS[5], expiry, id)
	redis.call('HSET', KEYS[6], id, version .. ':' .. runScore .. ':' .. owner)
end

-- The task version a claim was made at, when the owner still holds the claim made for the run
-- scored runScore; nil otherwise (the claim ended, or expired and was made again for another owner).
local function heldClaim(id, owner, runScore)
	local info = redis.call('HGET', KEYS[6], id)
	if not info then
		return nil
	end
	local version, claimedRun, claimOwner = string.match(info, '^(%d+):([^:]+):(.*)$')
	if claimOwner ~= owner or tonumber(claimedRun) ~= tonumber(runScore) then
		return nil
	end
	return version
end

-- Indexes a written task as due (score given) or paused or failed (empty score); tells other instances
-- through the channel when it became the earliest due task, so they re-read their wake-up time.
local function schedule(id, score, channel, instance)
	if score == '' then
		redis.call('ZREM', KEYS[3], id)
		redis.call('ZADD', KEYS[4], 0, id)
		return
	end
	redis.call('ZREM', KEYS[4], id)
	local head = redis.call('ZRANGE', KEYS[3], 0, 0, 'WITHSCORES')
	redis.call('ZADD', KEYS[3], score, id)
	if head[1] == nil or tonumber(score) < tonumber(head[2]) then
		redis.call('PUBLISH', channel, instance)
	end
end


-- Writes a task's new value: a write ends any claim and lifts a quarantine, as the value is readable.
local function store(id, json, score, channel, instance)
	redis.call('HSET', KEYS[1], id, json)
	redis.call('HINCRBY', KEYS[2], id, 1)
	redis.call('HDEL', KEYS[7], id)
	redis.call('HDEL', KEYS[8], id)
	endClaim(id)
	schedule(id, score, channel, instance)
end
