/**
 * A durable task store on Redis that several application instances can share:
 * {@link dev.asyncz.store.redis.RedisTaskStore}.
 */
@NullMarked
package dev.asyncz.store.redis;

import org.jspecify.annotations.NullMarked;
