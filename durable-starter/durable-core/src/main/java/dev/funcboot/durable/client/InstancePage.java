package dev.funcboot.durable.client;

import java.util.List;

/**
 * One page of an instance listing.
 *
 * @param continuationToken pass it in the next query for the next page; {@code null} at the end
 */
public record InstancePage(List<OrchestrationMetadata> instances, String continuationToken) {
}
