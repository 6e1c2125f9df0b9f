package dev.baton.engine.workers;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Passes a response through unchanged while keeping a copy of its first bytes, so the tasks a
 * fetch-and-lock handed out can be counted once the (possibly long-polled) answer is written.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

  private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
  private final int limit;
  private boolean truncated;
  private ServletOutputStream stream;

  CapturingResponse(HttpServletResponse response, int limit) {
    super(response);
    this.limit = limit;
  }

  /** The copy, or {@code null} when the body was longer than the limit. */
  synchronized byte[] captured() {
    return truncated ? null : copy.toByteArray();
  }

  private synchronized void keep(byte[] bytes, int offset, int length) {
    if (truncated || copy.size() + length > limit) {
      truncated = true;
      return;
    }
    copy.write(bytes, offset, length);
  }

  @Override
  public synchronized ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      ServletOutputStream target = super.getOutputStream();
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
              target.write(b);
              keep(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              target.write(b, off, len);
              keep(b, off, len);
            }

            @Override
            public void flush() throws IOException {
              target.flush();
            }

            @Override
            public void close() throws IOException {
              target.close();
            }

            @Override
            public boolean isReady() {
              return target.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              target.setWriteListener(listener);
            }
          };
    }
    return stream;
  }
}
