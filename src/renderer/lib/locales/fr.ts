/**
 * French, the default language of Pupitre. Every other locale has exactly these keys
 * (see en.ts). `{name}` marks a value filled in by `t(key, { name })`.
 */
export const fr = {
  'app.name': 'Pupitre',
  'app.tagline': 'Régie d’interaction avec le public',

  'token.missing.title': 'Jeton manquant : ouvrez l’adresse affichée par Pupitre au démarrage',
  'token.missing.detail':
    'Chaque vue de Pupitre s’ouvre avec une adresse qui contient son jeton d’accès (…?token=…). Elle est affichée dans la fenêtre de Pupitre, ou dans le terminal de « npm run serve ».',
  'token.refused.title': 'Jeton refusé : cette adresse n’ouvre plus la régie',
  'token.refused.detail':
    'Le jeton de cette adresse n’est pas celui de la régie en cours. Ouvrez l’adresse affichée par Pupitre au démarrage.',

  'connection.label': 'Liaison avec la régie',
  'connection.connecting': 'Connexion…',
  'connection.online': 'En ligne',
  'connection.offline': 'Hors ligne',
  'connection.refused': 'Refusé',
  'connection.since': 'depuis {time}',
  'connection.offlineBanner':
    'Liaison perdue avec la régie depuis {time} : reconnexion automatique en cours. L’écran montre le dernier état reçu ; aucune commande n’est envoyée.',

  'role.control': 'Régie',
  'role.output': 'Sortie',
  'role.system': 'Système',
  'role.unknown': '—',
  'topbar.seat': 'Poste',
  'topbar.noProgramme': 'Aucun programme chargé',
  'topbar.help': 'Raccourcis (?)',
  'topbar.language': 'Langue de l’interface',

  'clock.label': 'Horloge de la régie',
  'clock.rehearsal': 'RÉPÉTITION',
  'clock.rehearsalHint': 'L’horloge est réglée pour une répétition : la sortie affiche cette heure, pas l’heure réelle.',
  'clock.live': 'Heure réelle',

  'programme.label': 'Programme',
  'programme.now': 'En cours',
  'programme.next': 'À suivre',
  'programme.nothingNow': 'Aucune session en cours',
  'programme.before': 'Avant le début du programme',
  'programme.between': 'Entre deux sessions',
  'programme.after': 'Programme terminé',
  'programme.noNext': 'Plus rien ensuite',
  'programme.remaining': 'reste {duration}',
  'programme.startsIn': 'dans {duration}',
  'programme.parallel': '+ {count} en parallèle',
  'programme.none': 'Aucun programme n’est chargé dans la régie.',

  'duration.minutes': '{m} min',
  'duration.hours': '{h} h {m}',
  'duration.days': '{d} j',

  'kind.opening': 'Ouverture',
  'kind.plenary': 'Plénière',
  'kind.workshop': 'Atelier',
  'kind.break': 'Pause',
  'kind.closing': 'Clôture',

  'audience.roomRemote': 'salle + distance',
  'audience.roomOnly': 'salle seulement',
  'audience.remoteOnly': 'distance seulement',
  'audience.none': 'sans interaction',
  'audience.label': 'Public',

  'timeline.label': 'Déroulé',
  'timeline.days': 'Jours du programme',
  'timeline.now': 'maintenant · {time}',
  'timeline.nowTag': 'En cours',
  'timeline.nextTag': 'À suivre',
  'timeline.pastTag': 'Terminée',
  'timeline.empty': 'Aucune session ce jour-là.',
  'timeline.today': 'aujourd’hui',
  'timeline.room': 'Salle',

  'monitor.label': 'PROGRAMME (à l’antenne)',
  'monitor.open': 'Ouvrir la sortie dans une fenêtre',
  'monitor.frameTitle': 'Sortie projecteur, image réduite non interactive',
  'monitor.unavailable': 'L’adresse de la sortie n’est pas transmise à ce poste.',

  'clockControl.label': 'Horloge',
  'clockControl.modeLive': 'Heure réelle',
  'clockControl.modeRehearsal': 'Répétition',
  'clockControl.current': 'Mode actuel',
  'clockControl.date': 'Date',
  'clockControl.time': 'Heure',
  'clockControl.zone': 'Fuseau de l’événement : {zone}',
  'clockControl.setRehearsal': 'Régler la répétition',
  'clockControl.confirm': 'Confirmer : la sortie affichera {time}',
  'clockControl.cancel': 'Annuler',
  'clockControl.backToLive': 'Heure réelle',
  'clockControl.invalid': 'Date ou heure invalide.',
  'clockControl.done': 'Horloge réglée.',
  'clockControl.sending': 'Envoi…',

  'logbook.label': 'Main courante',
  'logbook.inputLabel': 'Ajouter une note à la main courante',
  'logbook.placeholder': 'Ce qui se passe… (Entrée pour noter)',
  'logbook.empty': 'Aucune note pour l’instant. Notez les incidents, décisions et horaires réels.',
  'logbook.count': '{shown} dernières notes sur {total}',
  'logbook.sending': 'Envoi…',
  'logbook.list': 'Notes de la main courante, la plus récente en premier',
  'logbook.tooLong': '{count} / {max} caractères',

  'future.notYet': 'Pas encore disponible dans cette version de Pupitre.',
  'future.questions.label': 'Questions',
  'future.questions.body':
    'Ici arrivera la modération des questions du public : file d’attente, votes, signalement des questions sensibles (enfants, familles, lieux nommés), envoi vers l’écran et vers la scène.',
  'future.polls.label': 'Sondages et nuages de mots',
  'future.polls.body':
    'Ici arriveront les sondages éclair et les nuages de mots : préparation, ouverture au public de la salle et à distance, résultats en direct.',
  'future.preview.label': 'Aperçu',
  'future.preview.body':
    'Ici arrivera l’aperçu : composer l’image suivante avant de la prendre à l’antenne (TAKE). En attendant, la sortie montre l’écran d’attente de l’événement.',

  'shortcuts.title': 'Raccourcis clavier',
  'shortcuts.note': 'Écrire dans la main courante',
  'shortcuts.help': 'Afficher ou masquer cette aide',
  'shortcuts.escape': 'Fermer l’aide, quitter le champ',
  'shortcuts.enter': 'Dans la main courante : ajouter la note',
  'shortcuts.close': 'Fermer',
  'shortcuts.or': 'ou',

  'key.enter': 'Entrée',
  'key.escape': 'Échap',
  'command.offline': 'Hors ligne : la commande n’a pas été envoyée (rien n’est mis en attente pour plus tard).',
  'command.timeout': 'La régie n’a pas répondu en 5 secondes : vérifiez si la commande a été appliquée avant de la renvoyer.',
  'command.lost': 'La liaison a été perdue pendant l’envoi : vérifiez si la commande a été appliquée avant de la renvoyer.',
  'command.badAnswer': 'Réponse illisible de la régie.',

  'output.now': 'En ce moment',
  'output.next': 'À suivre',
  'output.welcome': 'Bienvenue',
  'output.startsAt': 'Début à {time}',
  'output.resumesAt': 'Reprise à {time}',
  'output.resumesOn': 'Reprise {day} à {time}',
  'output.pause': 'Pause',
  'output.startsOn': 'Début {day} à {time}',
  'output.tomorrow': 'demain',
  'output.with': 'avec {names}',
  'output.seeYouTomorrow': 'À demain',
  'output.seeYouSoon': 'Prochain rendez-vous',
  'output.finished': 'Programme terminé',
  'output.thanks': 'Merci de votre participation',
  'output.parallel': '{count} sessions en parallèle',
  'output.parallelWorkshops': '{count} ateliers en parallèle',
  'output.more': '+ {count} autres',
  'output.noProgramme': 'Écran d’attente',
} as const;

export type MessageKey = keyof typeof fr;
