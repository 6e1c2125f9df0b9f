package dev.baton.engine.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Writes {@code application/problem+json} from servlet filters, where no advice applies. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      ObjectMapper mapper,
      HttpStatus status,
      String title,
      String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    try {
      problem.setInstance(new URI(null, null, request.getRequestURI(), null));
    } catch (java.net.URISyntaxException unusable) {
      // a path that is no URI at all is named by nothing rather than failing the answer
    }
    // Camunda's REST clients read "message" from error bodies
    problem.setProperty("message", detail);
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    mapper.writeValue(response.getOutputStream(), problem);
  }
}
