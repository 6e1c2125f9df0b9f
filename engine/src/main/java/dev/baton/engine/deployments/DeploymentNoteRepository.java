package dev.baton.engine.deployments;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeploymentNoteRepository extends JpaRepository<DeploymentNote, String> {}
