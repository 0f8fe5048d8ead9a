package dev.asyncz.store;

/**
 * How a persistent store writes a task: in the compact form, or in the full form that
 * instances of versions before the compact form can read. Every store reads both forms
 * whatever it writes, so the setting only matters while instances of an earlier version
 * share the store (a rolling upgrade).
 */
public enum WriteFormat {

	/**
	 * Leaves out what a reader can infer: options with their standard values
	 * ({@code coalesce}, {@code maxInstances}, {@code misfirePolicy}) and, in a JDBC row,
	 * the arguments of a task without any and a date trigger at the row's next run time.
	 * Instances of earlier versions cannot read it.
	 */
	COMPACT,

	/**
	 * Writes every option and, in a JDBC row, the arguments and trigger as JSON
	 * documents, exactly as versions before the compact form did, so that their instances
	 * read what this one writes.
	 */
	FULL

}
