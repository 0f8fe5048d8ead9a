/**
 * The Redis store's implementation: key layout, Lua scripts and listing. Not API: use
 * {@link dev.asyncz.store.redis.RedisTaskStore}.
 */
@NullMarked
package dev.asyncz.store.redis.internal;

import org.jspecify.annotations.NullMarked;
