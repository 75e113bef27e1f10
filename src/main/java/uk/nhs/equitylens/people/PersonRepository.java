package uk.nhs.equitylens.people;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PersonRepository extends JpaRepository<Person, UUID> {

	Optional<Person> findByUsername(String username);

	boolean existsByUsername(String username);

	List<Person> findAllByOrderByUsername();

	boolean existsByDemoTrue();

}
