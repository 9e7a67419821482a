/**
 * 300 distinct French words, as an audience of child-protection professionals might send them
 * to a word cloud (bench fixture: lengths and accents as in real answers).
 */
export const FRENCH_WORDS: readonly string[] = `
confiance écoute sécurité bienveillance respect protection famille enfance accompagnement éducation
soutien parentalité placement accueil prévention solidarité dignité partenariat coordination formation
reconnaissance épuisement fatigue surcharge engagement motivation sens équipe collectif entraide
patience espoir courage résilience humanité empathie présence disponibilité stabilité continuité
attachement lien relation dialogue parole participation autonomie émancipation insertion logement
scolarité santé handicap vulnérabilité précarité pauvreté isolement violence maltraitance négligence
danger risque signalement évaluation information décision juge audience tribunal mesure mandat
référent éducateur assistante psychologue infirmière médecin pédiatre enseignant animateur directeur
département association foyer pouponnière maison village famille-relais parrainage tiers adoption
fratrie parents grands-parents mère père frère sœur cousin tuteur tutelle délégation autorité
droit droits loi réforme politique budget moyens effectifs recrutement turnover vacances remplacement
urgence crise confinement pandémie distanciel visioconférence téléphone numérique écran réseau
innovation créativité adaptation souplesse réactivité inventivité bricolage débrouille improvisation expérimentation
jeunesse adolescence majorité sortie transition projet avenir orientation apprentissage emploi
bien-être épanouissement jeu sourire rire joie tendresse chaleur douceur câlin
peur angoisse inquiétude colère tristesse solitude silence souffrance trauma blessure
réparation guérison soin thérapie suivi veille vigilance repérage observation diagnostic
écrit rapport dossier synthèse transmission secret confidentialité partage éthique déontologie
cadre règle limite repère rituel routine quotidien rythme sommeil alimentation
école collège lycée université stage diplôme réussite échec décrochage motivationnel
territoire quartier ville campagne proximité mobilité transport distance rencontre visite
médiation conciliation concertation consensus compromis négociation écoute-active bienveillant humble
justice équité égalité inclusion diversité culture langue interprète migration exil
mineurs non-accompagnés asile frontière hébergement hôtel errance rue abri
fierté gratitude merci bravo ensemble demain toujours encore vraiment beaucoup
transparence cohérence pertinence exigence compétence expérience expertise savoir savoir-faire savoir-être
supervision analyse pratique réflexion recul questionnement doute humilité lucidité honnêteté
administration procédure paperasse lenteur lourdeur complexité bureaucratie logiciel tableau indicateur
travail charge heures nuit week-end astreinte permanence garde relève épuisé
métier vocation passion utilité valeur salaire précaire statut carrière mobilité-interne
`
  .split(/\s+/)
  .filter(Boolean);
