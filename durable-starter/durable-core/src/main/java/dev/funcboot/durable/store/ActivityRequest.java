package dev.funcboot.durable.store;

/** An activity call a step schedules. */
public record ActivityRequest(String instanceId, int taskId, String name, String input) {
}
