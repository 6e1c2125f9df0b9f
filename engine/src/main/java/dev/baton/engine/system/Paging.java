package dev.baton.engine.system;

/** A requested page, checked: page from 0, size from 1 to {@value #MAX_SIZE}. */
public record Paging(int page, int size) {

  public static final int MAX_SIZE = 500;
  public static final int MAX_PAGE = 1_000_000;

  public Paging {
    if (page < 0 || page > MAX_PAGE) {
      throw new BadRequestException("page must be between 0 and " + MAX_PAGE + ", not " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BadRequestException("size must be between 1 and " + MAX_SIZE + ", not " + size);
    }
  }

  public int first() {
    return page * size;
  }
}
