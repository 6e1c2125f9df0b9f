package dev.baton.engine.instances;

import java.time.Instant;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface StartKeyRepository extends JpaRepository<StartKey, String> {

  /** Removes the keys used before {@code cutoff}; the number removed. */
  @Modifying
  @Transactional
  @Query("delete from StartKey k where k.createdAt < :cutoff")
  int deleteUsedBefore(Instant cutoff);
}
