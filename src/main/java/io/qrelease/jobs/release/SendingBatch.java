package io.qrelease.jobs.release;

import io.qrelease.store.OutboxEntry;
import java.util.List;

/** The outbox entries of one call to the tenant, numbered in the order of sending from 1. */
public record SendingBatch(int number, List<OutboxEntry> entries) {
}
