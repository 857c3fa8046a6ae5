package dev.funcboot.durable.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import dev.funcboot.durable.store.ActivityWorkItem;
import dev.funcboot.durable.store.InstanceState;

/** The statements that differ between databases: inserting if absent, and claiming work. */
interface DialectSql {

	/**
	 * The row lock taken on an instance before a message is added to its inbox: it must keep the row
	 * from being deleted or rewritten meanwhile (purge, a new execution: both lock with
	 * {@code FOR UPDATE}), and should not stop other messages being added, or a claim.
	 */
	String messageLock();

	/**
	 * The row lock a step commit takes on its own instance: it must exclude other steps, purge and
	 * new executions, and should let messages be added meanwhile ({@link #messageLock()}).
	 */
	String stepLock();

	/** Inserts an instance row holding only its id unless one exists; waits for a concurrent insert. */
	void insertInstanceIfAbsent(Connection connection, String id) throws SQLException;

	/**
	 * Leases the instance whose oldest deliverable visible message is oldest, among instances no
	 * other worker holds; null when there is none.
	 * @return the instance's row (an instance without status for a placeholder row)
	 */
	InstanceState claimInstance(Connection connection, String owner, String token, Instant now, Instant until)
			throws SQLException;

	/** Leases the oldest visible activity call, counting the hand-out; null when there is none. */
	ActivityWorkItem claimActivity(Connection connection, String owner, String token, Instant now, Instant until)
			throws SQLException;

}
