package dev.baton.engine.variables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodyLimitFilterTest {

  private static final int LIMIT = 1_000;

  private final BodyLimitFilter filter = new BodyLimitFilter(new ObjectMapper(), LIMIT);

  @Test
  void shouldRefuseADeclaredLengthOverTheLimitBeforeAnythingRuns() throws Exception {
    // given
    MockHttpServletRequest request = request(LIMIT + 1, true);
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    filter.doFilter(request, response, chain);

    // then
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("max-body-size");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void shouldStopAStreamedBodyWithoutLengthAsSoonAsItPassesTheLimit() throws Exception {
    // given: a chunked body ten times the limit, read by the next filter in small pieces
    MockHttpServletRequest request = request(LIMIT * 10, false);
    AtomicLong read = new AtomicLong();
    FilterChain reader =
        (req, res) -> {
          InputStream in = req.getInputStream();
          byte[] piece = new byte[100];
          for (int n; (n = in.read(piece)) > 0; ) {
            read.addAndGet(n);
          }
          res.getWriter().write("read it all");
        };
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    filter.doFilter(request, response, reader);

    // then
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentAsString()).doesNotContain("read it all");
    assertThat(read.get()).isLessThanOrEqualTo(LIMIT);
  }

  @Test
  void shouldPassABodyWithinTheLimit() throws Exception {
    // given
    MockHttpServletRequest request = request(LIMIT, false);
    AtomicBoolean whole = new AtomicBoolean();
    FilterChain reader =
        (req, res) -> whole.set(req.getInputStream().readAllBytes().length == LIMIT);
    MockHttpServletResponse response = new MockHttpServletResponse();

    // when
    filter.doFilter(request, response, reader);

    // then
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(whole).isTrue();
  }

  private static MockHttpServletRequest request(int size, boolean declared) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/engine-rest/process-instance/1/variables") {
          @Override
          public long getContentLengthLong() {
            return declared ? size : -1;
          }
        };
    request.setContentType("application/json");
    request.setContent(new byte[size]);
    return request;
  }
}
