package dev.baton.engine.demo;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DemoEffectRepository extends JpaRepository<DemoEffect, Long> {

  Optional<DemoEffect> findByServiceAndIdempotencyKey(String service, String idempotencyKey);

  List<DemoEffect> findByServiceAndIdempotencyKeyStartingWithOrderByIdAsc(
      String service, String prefix);
}
