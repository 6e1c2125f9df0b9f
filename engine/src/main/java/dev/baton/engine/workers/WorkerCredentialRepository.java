package dev.baton.engine.workers;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkerCredentialRepository extends JpaRepository<WorkerCredential, String> {}
