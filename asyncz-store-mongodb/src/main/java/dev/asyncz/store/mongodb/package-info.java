/**
 * A durable task store on MongoDB that several application instances can share:
 * {@link dev.asyncz.store.mongodb.MongoTaskStore}.
 */
@NullMarked
package dev.asyncz.store.mongodb;

import org.jspecify.annotations.NullMarked;
