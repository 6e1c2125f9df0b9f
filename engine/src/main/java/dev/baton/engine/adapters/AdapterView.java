package dev.baton.engine.adapters;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An adapter a service task can be bound to, with what it expects and answers. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdapterView(
    String name,
    String kind,
    String method,
    String url,
    List<String> inputs,
    List<String> outputs) {}
