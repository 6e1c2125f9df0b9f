package dev.baton.engine.webhooks;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookRepository extends JpaRepository<Webhook, String> {

  List<Webhook> findAllByOrderByCreatedAtAscIdAsc();
}
