package dev.baton.engine.users;

import java.util.List;

/** A person as the administrator sees them: Baton's roles only, never other groups. */
public record UserView(String id, String name, String email, List<String> roles) {}
