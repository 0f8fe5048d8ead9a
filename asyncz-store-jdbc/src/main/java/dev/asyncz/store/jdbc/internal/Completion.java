package dev.asyncz.store.jdbc.internal;

/**
 * A finished task whose claimed row is to be deleted.
 *
 * @param id the task id
 * @param version the row version the claim produced
 */
public record Completion(String id, long version) {

}
