-- Incident handling (issue 13, ADR 0037): the step history of the named state machine, the playbooks the CRT keeps
-- per category and the tasks an incident gets from its playbook at triage.

-- One line per step, appended by IncidentStore.update in the step's transaction (like finding_history). from_status
-- equals to_status for a reclassification. reason holds the reason, the outcome or the merge target.
CREATE TABLE incident_step (
    incident_id  UUID                     NOT NULL,
    seq          INT                      NOT NULL,
    step         VARCHAR(20)              NOT NULL,
    from_status  VARCHAR(20)              NOT NULL,
    to_status    VARCHAR(20)              NOT NULL,
    actor_id     UUID,
    actor_name   VARCHAR(200)             NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    reason       VARCHAR(4000),
    CONSTRAINT incident_step_pk PRIMARY KEY (incident_id, seq),
    CONSTRAINT incident_step_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
);

-- The CRT's playbooks: per category an ordered list of task templates, each for the CRT or the organisation, due a
-- number of hours after triage. Edited at /incidents/playbooks; an incident copies them at triage, so a later edit
-- never changes the tasks of an incident already under way.
CREATE TABLE incident_playbook_task (
    id           UUID          NOT NULL,
    category     VARCHAR(30)   NOT NULL,
    position     INT           NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    description  VARCHAR(2000),
    side         VARCHAR(12)   NOT NULL,
    due_hours    INT           NOT NULL,
    CONSTRAINT incident_playbook_task_pk PRIMARY KEY (id),
    CONSTRAINT incident_playbook_task_side_ck CHECK (side IN ('CRT', 'ORGANISATION')),
    CONSTRAINT incident_playbook_task_due_ck CHECK (due_hours >= 0)
);
CREATE INDEX incident_playbook_task_category_ix ON incident_playbook_task (category, position);

-- Which playbooks an incident got: the primary key makes applying one twice (a repeated triage event, a double
-- click on "add the playbook of ...") write nothing the second time.
CREATE TABLE incident_playbook_applied (
    incident_id  UUID                     NOT NULL,
    category     VARCHAR(30)              NOT NULL,
    applied_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT incident_playbook_applied_pk PRIMARY KEY (incident_id, category),
    CONSTRAINT incident_playbook_applied_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id)
        ON DELETE CASCADE
);

-- The tasks of one incident, copied from a playbook (category names it) or added later. organisation_id repeats
-- the incident's so that the organisation's people can be checked against it without a join.
CREATE TABLE incident_task (
    id             UUID                     NOT NULL,
    incident_id    UUID                     NOT NULL,
    organisation_id UUID                    NOT NULL,
    category       VARCHAR(30),
    position       INT                      NOT NULL,
    title          VARCHAR(200)             NOT NULL,
    description    VARCHAR(2000),
    side           VARCHAR(12)              NOT NULL,
    assignee_id    UUID,
    assignee_name  VARCHAR(200),
    due_at         TIMESTAMP WITH TIME ZONE,
    done_at        TIMESTAMP WITH TIME ZONE,
    done_by_id     UUID,
    done_by_name   VARCHAR(200),
    revision       INT                      NOT NULL,
    CONSTRAINT incident_task_pk PRIMARY KEY (id),
    CONSTRAINT incident_task_incident_fk FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE,
    CONSTRAINT incident_task_side_ck CHECK (side IN ('CRT', 'ORGANISATION'))
);
CREATE INDEX incident_task_incident_ix ON incident_task (incident_id, position);

-- Our own starting playbooks; the CRT adapts them to its practice.
INSERT INTO incident_playbook_task (id, category, position, title, description, side, due_hours) VALUES
    ('eb2b5717-7903-408d-be47-6cde3791b99d', 'RANSOMWARE', 1, 'Getroffen systemen van het netwerk halen',
     'Trek de netwerkkabel uit of zet wifi uit, maar zet de systemen niet uit: wat in het geheugen zit, is bewijs en soms de sleutel.', 'ORGANISATION', 1),
    ('11d29434-02d8-4102-bd2f-7d3c76d4d968', 'RANSOMWARE', 2, 'Losgeldbericht bewaren',
     'Maak een foto of kopie van het losgeldbericht en bewaar het. Neem geen contact op met de aanvallers en betaal niet zonder overleg met het CRT.', 'ORGANISATION', 2),
    ('18952a27-7df9-4947-81dd-f401b12e4785', 'RANSOMWARE', 3, 'Offline back-ups nagaan',
     'Ga samen met de organisatie na welke back-ups offline of onveranderlijk zijn en of ze nog leesbaar zijn, voor er iets wordt teruggezet.', 'CRT', 4),
    ('2c092187-fa7b-4f83-8f38-a2dfc0be60d5', 'RANSOMWARE', 4, 'Beheerderswachtwoorden wijzigen',
     'Wijzig de wachtwoorden van alle beheerders- en serviceaccounts vanaf een toestel dat niet getroffen is.', 'ORGANISATION', 4),
    ('36dba0a7-d72e-4991-8ece-63078c7af940', 'RANSOMWARE', 5, 'Klacht indienen bij de politie',
     'Dien een klacht in bij de politie en noteer het pv-nummer in het incident.', 'ORGANISATION', 24),
    ('ce316770-fa84-4a5a-9105-ef387be9ac4c', 'RANSOMWARE', 6, 'Verzekeraar verwittigen',
     'Verwittig de cyberverzekeraar volgens de termijn in de polis en noteer wanneer.', 'ORGANISATION', 24),
    ('1f30ce1d-9172-4d84-a830-ddc4f010a5b5', 'RANSOMWARE', 7, 'Versleutelingsvariant bepalen',
     'Bepaal welke ransomwarefamilie het is en of er een publieke ontsleutelaar bestaat.', 'CRT', 24),
    ('da0a8aea-6da2-41f7-8470-450b37c717ad', 'PHISHING_BEC', 1, 'Betalingen tegenhouden',
     'Vraag de bank om betalingen naar het gewijzigde rekeningnummer tegen te houden of terug te roepen.', 'ORGANISATION', 2),
    ('33df6a3a-c8db-4e97-bfa5-684ad7b86777', 'PHISHING_BEC', 2, 'Wachtwoorden van getroffen accounts wijzigen',
     'Wijzig de wachtwoorden van wie op de link klikte of gegevens invulde, en zet tweestapsverificatie aan.', 'ORGANISATION', 4),
    ('3f6e91d6-6d7d-478a-97da-a9cca3eb0ae9', 'PHISHING_BEC', 3, 'Phishingbericht analyseren',
     'Analyseer het bericht: afzender, links, bijlagen; blokkeer de domeinen bij de organisatie.', 'CRT', 4),
    ('b2c2defd-152b-4e21-a35c-87efec93683b', 'PHISHING_BEC', 4, 'Doorstuurregels in mailboxen nakijken',
     'Zoek naar doorstuurregels en verdachte aanmeldingen in de getroffen mailboxen.', 'CRT', 8),
    ('3632c803-89a2-4630-b8fd-451519849054', 'PHISHING_BEC', 5, 'Medewerkers waarschuwen',
     'Waarschuw de medewerkers voor het bericht, met een voorbeeld van hoe het eruitziet.', 'ORGANISATION', 24),
    ('87e272b2-3acf-4364-8a1f-fe684185b5bd', 'ACCOUNT_COMPROMISE', 1, 'Account blokkeren en sessies beëindigen',
     'Blokkeer het account, beëindig alle actieve sessies en trek tokens in.', 'ORGANISATION', 1),
    ('6744cb0b-a2c8-4ac8-ba55-a40eeec4b9d6', 'ACCOUNT_COMPROMISE', 2, 'Wachtwoord en tweestapsverificatie opnieuw instellen',
     'Stel een nieuw wachtwoord en een nieuwe tweede factor in, samen met de gebruiker.', 'ORGANISATION', 4),
    ('b7a89f57-5580-41ac-a564-8a0ffc204c16', 'ACCOUNT_COMPROMISE', 3, 'Aanmeldingen en wijzigingen nagaan',
     'Ga na waar en wanneer het account werd gebruikt en wat het wijzigde of inzag.', 'CRT', 8),
    ('badaf863-373b-4026-98f3-82d7dfad3bf8', 'ACCOUNT_COMPROMISE', 4, 'Nagaan of gegevens werden ingezien',
     'Bepaal of persoonsgegevens konden worden ingezien; zo ja, bekijk de meldplicht.', 'CRT', 24),
    ('a1599702-1356-490a-bb78-13f515b17e22', 'DATA_BREACH', 1, 'Lek dichten',
     'Stop het lek: trek de gedeelde link in, haal het bestand offline, beperk de toegang.', 'ORGANISATION', 2),
    ('c4659e07-cf3a-427e-9c09-eb9e7c2d5aa1', 'DATA_BREACH', 2, 'Functionaris voor gegevensbescherming verwittigen',
     'Breng de DPO op de hoogte; die beoordeelt de melding aan de toezichthouder.', 'ORGANISATION', 4),
    ('5530ef41-e76a-4821-945a-6cc3bd157d25', 'DATA_BREACH', 3, 'Omvang bepalen',
     'Bepaal welke gegevens van hoeveel personen betrokken zijn en sinds wanneer.', 'CRT', 24),
    ('183a4c3b-0905-408f-893a-d8690f93769b', 'DATA_BREACH', 4, 'Betrokkenen informeren indien nodig',
     'Informeer de betrokken personen als het lek een hoog risico voor hen inhoudt.', 'ORGANISATION', 48),
    ('cc89415a-f93f-4064-8f0c-bb68e3609214', 'DENIAL_OF_SERVICE', 1, 'Provider contacteren',
     'Contacteer de internet- of hostingprovider voor filtering van het aanvalsverkeer.', 'ORGANISATION', 1),
    ('c5cb5273-8d94-46d8-923e-e18b045a25b9', 'DENIAL_OF_SERVICE', 2, 'Aanvalsverkeer analyseren',
     'Bepaal soort, bronnen en omvang van het verkeer en stel filterregels voor.', 'CRT', 2),
    ('0c001b7e-d67a-4644-bd6d-a2235c880542', 'DENIAL_OF_SERVICE', 3, 'Burgers informeren over de storing',
     'Meld op een ander kanaal dat de website of dienst tijdelijk niet bereikbaar is.', 'ORGANISATION', 4),
    ('d995ad27-b18a-42a8-85e8-03c566c1dad5', 'DENIAL_OF_SERVICE', 4, 'Afpersing of eisenbrief nagaan',
     'Ga na of er een eis of claim bij de aanval hoort en bewaar die.', 'CRT', 24),
    ('575720d4-72eb-4b0d-885b-18d29d5c9ca9', 'MALWARE', 1, 'Besmet toestel isoleren',
     'Haal het toestel van het netwerk zonder het uit te zetten.', 'ORGANISATION', 1),
    ('c60d8de4-5a98-44e6-8b0e-19abedded611', 'MALWARE', 2, 'Malware analyseren',
     'Bepaal wat de malware doet, waarmee ze contact maakt en hoe ze binnenkwam.', 'CRT', 8),
    ('b58bebc9-9b3c-45f7-b094-c5c93ae8fe4d', 'MALWARE', 3, 'Andere toestellen nakijken',
     'Zoek met de indicatoren naar andere besmette toestellen.', 'CRT', 8),
    ('539ffb56-43e1-4dec-afb8-59a9a13625b9', 'MALWARE', 4, 'Toestel opnieuw installeren',
     'Installeer het toestel opnieuw vanaf een schone bron en zet gegevens terug uit een back-up.', 'ORGANISATION', 48),
    ('982f25bb-b939-4b2a-b20a-99fd815b2597', 'EXPLOITED_VULNERABILITY', 1, 'Patch of maatregel toepassen',
     'Pas de patch of de tijdelijke maatregel van de leverancier toe, of haal het systeem van het internet.', 'ORGANISATION', 4),
    ('08390e3d-e04a-424b-9332-a1c42e896a90', 'EXPLOITED_VULNERABILITY', 2, 'Sporen van misbruik zoeken',
     'Zoek in logs en op het systeem naar sporen van misbruik en achtergelaten toegang.', 'CRT', 8),
    ('9d6dfe7d-1e44-4bd8-bd5d-253b0cc2f2bb', 'EXPLOITED_VULNERABILITY', 3, 'Andere organisaties met hetzelfde product nagaan',
     'Ga na welke organisaties van het programma hetzelfde product gebruiken en waarschuw ze.', 'CRT', 24),
    ('cb536306-4503-4f86-8a6d-3b1ca83e590b', 'EXPLOITED_VULNERABILITY', 4, 'Leverancier verwittigen',
     'Verwittig de leverancier van het product en vraag naar bekende indicatoren.', 'ORGANISATION', 24),
    ('80cafd01-7ada-4e83-a598-b83629d3fc5b', 'OTHER', 1, 'Feiten verzamelen',
     'Verzamel met de organisatie wat er gebeurde, welke systemen en gegevens betrokken zijn en wat al gedaan werd.', 'CRT', 4),
    ('de976bda-f2ea-4c3b-a11c-fa52f4002832', 'OTHER', 2, 'Bewijs bewaren',
     'Bewaar logs, berichten en schermafbeeldingen; wis niets.', 'ORGANISATION', 8),
    ('2fbe6e31-8867-4bb1-b3b8-b2e7e9b8df39', 'OTHER', 3, 'Aanpak afspreken',
     'Spreek met de organisatie de volgende stappen en wie wat doet af.', 'CRT', 24);
