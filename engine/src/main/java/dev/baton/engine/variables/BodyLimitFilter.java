package dev.baton.engine.variables;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.engine.system.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body while it streams in, before anything (security filters, the worker
 * gate, the REST APIs) buffers it: a declared {@code Content-Length} over the limit is refused with
 * 413 before a byte is read; a body without one (chunked) is counted as it is read and refused the
 * moment it passes the limit. Multipart bodies are read by the servlet container itself, past this
 * counter: they are bounded by their {@code Content-Length} here and by {@code
 * spring.servlet.multipart.max-request-size}.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

  private final ObjectMapper mapper;
  private final long maxBody;

  public BodyLimitFilter(ObjectMapper mapper, long maxBody) {
    this.mapper = mapper;
    this.maxBody = maxBody;
  }

  static String tooLarge(long maxBody) {
    return "The body is larger than "
        + DataSize.ofBytes(maxBody).toMegabytes()
        + " MB (baton.engine.variables.max-body-size)";
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBody) {
      refuse(request, response);
      return;
    }
    try {
      chain.doFilter(new LimitedBodyRequest(request, maxBody), response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!causedByLimit(e)) {
        throw e;
      }
      if (!response.isCommitted()) {
        response.reset();
        refuse(request, response);
      }
    }
  }

  private static boolean causedByLimit(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof BodyTooLargeException) {
        return true;
      }
    }
    return false;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    // the rest of the body is not read; the container closes the connection after this answer
    response.setHeader("Connection", "close");
    ProblemResponses.write(
        request,
        response,
        mapper,
        HttpStatus.PAYLOAD_TOO_LARGE,
        HttpStatus.PAYLOAD_TOO_LARGE.getReasonPhrase(),
        tooLarge(maxBody));
  }

  /** Thrown by the counting stream when the body passes the limit. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(long maxBody) {
      super(tooLarge(maxBody));
    }
  }

  /** The request with a body stream that counts and stops at the limit. */
  private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

    private final long maxBody;
    private ServletInputStream limited;

    LimitedBodyRequest(HttpServletRequest request, long maxBody) {
      super(request);
      this.maxBody = maxBody;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (limited == null) {
        limited = new CountingStream(super.getInputStream(), maxBody);
      }
      return limited;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class CountingStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long maxBody;
    private long count;

    CountingStream(ServletInputStream in, long maxBody) {
      this.in = in;
      this.maxBody = maxBody;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws BodyTooLargeException {
      count += n;
      if (count > maxBody) {
        throw new BodyTooLargeException(maxBody);
      }
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
