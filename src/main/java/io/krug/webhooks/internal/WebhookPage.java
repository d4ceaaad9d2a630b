package io.krug.webhooks.internal;

import java.util.List;

/** One page of a list and the size of the whole list. */
public record WebhookPage<T>(List<T> items, long total) {
}
