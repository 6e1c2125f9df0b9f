package dev.baton.engine.batches;

import org.springframework.data.jpa.repository.JpaRepository;

interface BatchRecordRepository extends JpaRepository<BatchRecord, String> {}
