/**
 * Auto-configuration of the {@code mongodb} task store type: stores on a MongoDB server
 * named by their {@code uri}, or sharing the application's {@code MongoClient}.
 */
@NullMarked
package dev.asyncz.autoconfigure.mongodb;

import org.jspecify.annotations.NullMarked;
