package dev.baton.engine.users;

import dev.baton.engine.security.SessionRefresh;
import dev.baton.engine.system.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Users")
class UserController {

  private final UserAdministration users;
  private final SessionRefresh sessions;

  UserController(UserAdministration users, SessionRefresh sessions) {
    this.users = users;
    this.sessions = sessions;
  }

  @GetMapping(ApiPaths.USERS)
  @Operation(summary = "Every user with their roles (admin)")
  List<UserView> list() {
    return users.list();
  }

  @PostMapping(ApiPaths.USERS)
  @Operation(summary = "Create a user with a password and roles (admin)")
  ResponseEntity<UserView> create(@Valid @RequestBody CreateUserRequest request) {
    UserView created = users.create(request);
    return ResponseEntity.created(URI.create(ApiPaths.USERS + "/" + created.id())).body(created);
  }

  @DeleteMapping(ApiPaths.USER)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Remove a user; never the last administrator (admin)")
  void remove(@PathVariable String userId) {
    users.remove(userId);
  }

  @PutMapping(ApiPaths.USER_ROLES)
  @Operation(
      summary = "Set a user's roles (analyst, operator, admin); never demotes the last admin")
  UserView setRoles(@PathVariable String userId, @Valid @RequestBody UserRequests.Roles body) {
    return users.setRoles(userId, body.roles());
  }

  @PutMapping(ApiPaths.USER_PASSWORD)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Set a new password for a user; the old one stops working at once (admin)")
  void resetPassword(
      @PathVariable String userId, @Valid @RequestBody UserRequests.PasswordReset body) {
    users.resetPassword(userId, body.password());
  }

  @PutMapping(ApiPaths.MY_PASSWORD)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Change the signed-in user's password (the current one is required)")
  void changeMine(
      @Valid @RequestBody UserRequests.PasswordChange body,
      Principal me,
      HttpServletRequest request) {
    users.changeOwnPassword(me.getName(), body.current(), body.next(), request.getRemoteAddr());
    // this session goes on; the person's other sessions end (SessionRefresh)
    sessions.stamp(request, me.getName());
  }
}
