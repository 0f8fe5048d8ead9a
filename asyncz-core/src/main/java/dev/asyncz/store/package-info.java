/**
 * Task stores: the store SPI, the memory store and the JSON codec persistent stores
 * share.
 */
@NullMarked
package dev.asyncz.store;

import org.jspecify.annotations.NullMarked;
