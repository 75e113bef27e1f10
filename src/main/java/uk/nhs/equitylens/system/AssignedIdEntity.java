package uk.nhs.equitylens.system;

import java.util.UUID;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An entity whose UUID the application assigns. Spring Data cannot tell such an entity is new from
 * its id, so without this {@code save} merges it, which first selects the row that is not there yet:
 * one wasted query for every assessment, evaluation, decision and comment stored. New until it is
 * persisted or loaded.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<UUID> {

	@Transient
	private boolean isNew = true;

	@Override
	public boolean isNew() {
		return isNew;
	}

	@PostLoad
	@PostPersist
	void stored() {
		isNew = false;
	}

}
