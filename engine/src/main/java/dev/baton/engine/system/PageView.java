package dev.baton.engine.system;

import java.util.List;

/** One page of a server-side paged list. */
public record PageView<T>(List<T> items, int page, int size, long total) {}
