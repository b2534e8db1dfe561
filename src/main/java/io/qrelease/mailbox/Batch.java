package io.qrelease.mailbox;

import io.qrelease.domain.ActionType;
import java.util.List;

/**
 * The entities carried out together, in one call where the mailbox takes them so.
 *
 * @param displayName what the tenant's own history calls it: the action's name and "(batch k of n)"
 * @param description names the action and the batch, for an administrator reading the tenant's history
 */
public record Batch(ActionType type, String displayName, String description, List<Entity> entities) {
}
